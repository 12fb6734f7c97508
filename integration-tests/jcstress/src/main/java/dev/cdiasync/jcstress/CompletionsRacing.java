package dev.cdiasync.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Two completions racing on a future with callbacks 1 and 2 added before. Result: (first actor's
 * completion won, second actor's completion won, trace, thread that ran the callbacks: 1 = first
 * actor, 2 = second, 3 = they were split). Exactly one completion wins; its thread runs both
 * callbacks, once each, in order.
 */
public final class CompletionsRacing {

    private CompletionsRacing() {
    }

    /*
     * Two callbacks that note which actor's thread ran them. jcstress only sees the @Actor and
     * @Arbiter methods a test class declares itself, so each variant declares them.
     */
    abstract static class Race extends Trace {

        private volatile Thread first;
        private volatile Thread second;
        private volatile int ranBy;

        Race() {
            future.addDoneCallback(callback(1).andThen(f -> noteRunner()));
            future.addDoneCallback(callback(2).andThen(f -> noteRunner()));
        }

        private void noteRunner() {
            Thread current = Thread.currentThread();
            int actor = current == first ? 1 : current == second ? 2 : 4;
            ranBy |= actor; // the callbacks of one future never run at the same time
        }

        void first() {
            first = Thread.currentThread();
        }

        void second() {
            second = Thread.currentThread();
        }

        void observeInto(IIII_Result r) {
            r.r3 = trace();
            r.r4 = ranBy;
        }
    }

    @JCStressTest
    @Description("complete(value) racing cancel(true)")
    @Outcome(id = "1, 0, 12, 1", expect = ACCEPTABLE, desc = "complete won and its thread ran the callbacks")
    @Outcome(id = "0, 1, 12, 2", expect = ACCEPTABLE, desc = "cancel won and its thread ran the callbacks")
    @Outcome(expect = FORBIDDEN, desc = "no single winner, or callbacks lost, doubled, reordered or run by the loser")
    @State
    public static class CompleteVersusCancel extends Race {
        @Actor
        public void complete(IIII_Result r) {
            first();
            r.r1 = future.complete("value") ? 1 : 0;
        }

        @Actor
        public void cancel(IIII_Result r) {
            second();
            r.r2 = future.cancel(true) ? 1 : 0;
        }

        @Arbiter
        public void observe(IIII_Result r) {
            observeInto(r);
        }
    }

    @JCStressTest
    @Description("complete(value) racing completeExceptionally(failure)")
    @Outcome(id = "1, 0, 12, 1", expect = ACCEPTABLE, desc = "complete won and its thread ran the callbacks")
    @Outcome(id = "0, 1, 12, 2", expect = ACCEPTABLE, desc = "completeExceptionally won and its thread ran the callbacks")
    @Outcome(expect = FORBIDDEN, desc = "no single winner, or callbacks lost, doubled, reordered or run by the loser")
    @State
    public static class CompleteVersusFail extends Race {
        @Actor
        public void complete(IIII_Result r) {
            first();
            r.r1 = future.complete("value") ? 1 : 0;
        }

        @Actor
        public void fail(IIII_Result r) {
            second();
            r.r2 = future.completeExceptionally(new IllegalStateException("failed")) ? 1 : 0;
        }

        @Arbiter
        public void observe(IIII_Result r) {
            observeInto(r);
        }
    }

    @JCStressTest
    @Description("complete(value) racing complete(other)")
    @Outcome(id = "1, 0, 12, 1", expect = ACCEPTABLE, desc = "the first actor won and its thread ran the callbacks")
    @Outcome(id = "0, 1, 12, 2", expect = ACCEPTABLE, desc = "the second actor won and its thread ran the callbacks")
    @Outcome(expect = FORBIDDEN, desc = "no single winner, or callbacks lost, doubled, reordered or run by the loser")
    @State
    public static class CompleteVersusComplete extends Race {
        @Actor
        public void completeOne(IIII_Result r) {
            first();
            r.r1 = future.complete("one") ? 1 : 0;
        }

        @Actor
        public void completeTwo(IIII_Result r) {
            second();
            r.r2 = future.complete("two") ? 1 : 0;
        }

        @Arbiter
        public void observe(IIII_Result r) {
            observeInto(r);
        }
    }

    /*
     * obtrudeValue cannot tell whether it completed the future, so here r2 says whether the final
     * value is the obtruded one (it always is: obtrude comes last or completes first).
     */
    @JCStressTest
    @Description("complete(value) racing obtrudeValue(other)")
    @Outcome(id = "1, 1, 12, 1", expect = ACCEPTABLE, desc = "complete came first and ran the callbacks; obtrude then overwrote the value")
    @Outcome(id = "0, 1, 12, 2", expect = ACCEPTABLE, desc = "obtrude completed first and ran the callbacks")
    @Outcome(id = "1, 1, 12, 2", expect = ACCEPTABLE_INTERESTING, desc = "complete came first but obtrude, which also saw an undone future, claimed the dispatch")
    @Outcome(expect = FORBIDDEN, desc = "callbacks lost, doubled, reordered or split across threads")
    @State
    public static class CompleteVersusObtrude extends Race {
        @Actor
        public void complete(IIII_Result r) {
            first();
            r.r1 = future.complete("completed") ? 1 : 0;
        }

        @Actor
        public void obtrude() {
            second();
            future.obtrudeValue("obtruded");
        }

        @Arbiter
        public void observe(IIII_Result r) {
            observeInto(r);
            r.r2 = "obtruded".equals(future.join()) ? 1 : 0;
        }
    }
}
