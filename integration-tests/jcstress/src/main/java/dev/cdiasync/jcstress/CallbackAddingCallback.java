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
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A callback that registers another callback while completion races a registration from outside:
 * callback 1, added before, adds callback 3 when it runs; one thread adds callback 2 while another
 * completes. Result: (trace, which ran on the registering thread as bits 2 = callback 2,
 * 4 = callback 3, complete returned true). Callback 3 is added during the dispatch, so the
 * completing thread must run it, after callback 1; callback 2 runs exactly once, before or after it.
 */
@JCStressTest
@Description("a callback adding a callback during the dispatch, while another thread adds one")
@Outcome(id = "123, 0, 1", expect = ACCEPTABLE, desc = "callback 2 was queued before callback 3; the completing thread ran all")
@Outcome(id = "132, 0, 1", expect = ACCEPTABLE_INTERESTING, desc = "callback 2 was queued after callback 3; the completing thread ran all")
@Outcome(id = "132, 2, 1", expect = ACCEPTABLE, desc = "callback 2 came after the dispatch and ran on the registering thread")
@Outcome(expect = FORBIDDEN, desc = "a callback lost, run twice, out of order, or callback 3 not run by the dispatch")
@State
public class CallbackAddingCallback extends Trace {

    public CallbackAddingCallback() {
        future.addDoneCallback(callback(1).andThen(f -> f.addDoneCallback(callback(3))));
    }

    @Actor
    public void register() {
        registering();
        future.addDoneCallback(callback(2));
    }

    @Actor
    public void complete(III_Result r) {
        r.r3 = future.complete("value") ? 1 : 0;
    }

    @Arbiter
    public void observe(III_Result r) {
        r.r1 = trace();
        r.r2 = ranOnRegistrar();
    }
}
