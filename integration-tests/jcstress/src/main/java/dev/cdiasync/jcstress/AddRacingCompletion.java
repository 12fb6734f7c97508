package dev.cdiasync.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.CancellationException;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * addDoneCallback racing each kind of completion: callback 1 is added before, callbacks 2 then 3
 * by one thread while another completes the future. Result: (completion returned true, trace,
 * which callbacks ran on the registering thread as bits 1 = callback 1, 2 = callback 2, 4 = callback 3).
 * Every callback runs exactly once, in the order added; once one runs on the registering thread
 * (the dispatch was over) so do all added after it.
 */
public final class AddRacingCompletion {

    private AddRacingCompletion() {
    }

    /*
     * The state and the work every variant shares. jcstress only sees the @Actor and @Arbiter
     * methods a test class declares itself, so each variant declares them and delegates here.
     */
    abstract static class Race extends Trace {

        Race() {
            future.addDoneCallback(callback(1));
        }

        void registerTwo() {
            registering();
            future.addDoneCallback(callback(2));
            future.addDoneCallback(callback(3));
        }

        void observeInto(III_Result r) {
            r.r2 = trace();
            r.r3 = ranOnRegistrar();
        }
    }

    @JCStressTest
    @Description("addDoneCallback racing complete(value)")
    @Outcome(id = "1, 123, 0", expect = ACCEPTABLE, desc = "both added before the dispatch closed: the completing thread ran all")
    @Outcome(id = "1, 123, 4", expect = ACCEPTABLE_INTERESTING, desc = "callback 3 came after the dispatch: it ran on the registering thread")
    @Outcome(id = "1, 123, 6", expect = ACCEPTABLE, desc = "both came after the dispatch: they ran on the registering thread")
    @Outcome(expect = FORBIDDEN, desc = "a callback lost, run twice, out of order, or run by its registrar before the dispatch ended")
    @State
    public static class Complete extends Race {
        @Actor
        public void register() {
            registerTwo();
        }

        @Arbiter
        public void observe(III_Result r) {
            observeInto(r);
        }

        @Actor
        public void complete(III_Result r) {
            r.r1 = future.complete("value") && "value".equals(future.join()) ? 1 : 0;
        }
    }

    @JCStressTest
    @Description("addDoneCallback racing completeExceptionally(failure)")
    @Outcome(id = "1, 123, 0", expect = ACCEPTABLE, desc = "both added before the dispatch closed: the completing thread ran all")
    @Outcome(id = "1, 123, 4", expect = ACCEPTABLE_INTERESTING, desc = "callback 3 came after the dispatch: it ran on the registering thread")
    @Outcome(id = "1, 123, 6", expect = ACCEPTABLE, desc = "both came after the dispatch: they ran on the registering thread")
    @Outcome(expect = FORBIDDEN, desc = "a callback lost, run twice, out of order, or run by its registrar before the dispatch ended")
    @State
    public static class CompleteExceptionally extends Race {
        @Actor
        public void register() {
            registerTwo();
        }

        @Arbiter
        public void observe(III_Result r) {
            observeInto(r);
        }

        @Actor
        public void fail(III_Result r) {
            r.r1 = future.completeExceptionally(new IllegalStateException("failed")) && future.isCompletedExceptionally()
                    ? 1 : 0;
        }
    }

    @JCStressTest
    @Description("addDoneCallback racing cancel(true)")
    @Outcome(id = "1, 123, 0", expect = ACCEPTABLE, desc = "both added before the dispatch closed: the cancelling thread ran all")
    @Outcome(id = "1, 123, 4", expect = ACCEPTABLE_INTERESTING, desc = "callback 3 came after the dispatch: it ran on the registering thread")
    @Outcome(id = "1, 123, 6", expect = ACCEPTABLE, desc = "both came after the dispatch: they ran on the registering thread")
    @Outcome(expect = FORBIDDEN, desc = "a callback lost, run twice, out of order, or run by its registrar before the dispatch ended")
    @State
    public static class Cancel extends Race {
        @Actor
        public void register() {
            registerTwo();
        }

        @Arbiter
        public void observe(III_Result r) {
            observeInto(r);
        }

        @Actor
        public void cancel(III_Result r) {
            boolean cancelled = future.cancel(true);
            boolean seen;
            try {
                future.join();
                seen = false;
            } catch (CancellationException expected) {
                seen = true;
            }
            r.r1 = cancelled && seen ? 1 : 0;
        }
    }
}
