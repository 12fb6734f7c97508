package dev.cdiasync.example;

import static dev.cdiasync.example.Console.say;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The application's declared done-callbacks, and an observer of the callbacks that fail. */
@ApplicationScoped
public class Callbacks {

    /** The tutorial's custom_callback, declared once for every future of task "work". */
    @OnDone(task = "work")
    void customCallback(AsyncFuture<Void> future) {
        say("The custom callback was called. (declared with @OnDone)");
    }

    /** Runs first (lower priority): it fails, which is logged and reported but stops nothing. */
    @OnDone(task = "work-with-failing-callback")
    @Priority(10)
    void failingCallback(AsyncFuture<String> future) {
        throw new IllegalStateException("Something bad in a callback");
    }

    /** Runs second, although the callback before it threw. */
    @OnDone(task = "work-with-failing-callback")
    @Priority(20)
    void nextCallback(AsyncFuture<String> future) {
        say("The next callback was still called; the task returned \"" + future.join() + "\".");
    }

    /** Each failing callback is logged at WARNING on logger dev.cdiasync, then fired as this event. */
    void onCallbackFailure(@Observes CallbackFailure failure) {
        say("Observed CallbackFailure: " + failure.callback() + " of task '" + failure.taskName() + "' threw "
                + failure.failure());
    }
}
