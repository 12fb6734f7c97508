package dev.cdiasync.servers.extra.producer;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Calls a task on "mes" and answers which threads ran the body and its callback. */
@Path("producer")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ProducerResource {

    /** The task on the produced executor and its callback. */
    @ApplicationScoped
    public static class Work {
        private final AtomicReference<String> callbackThread = new AtomicReference<>();
        private final CountDownLatch callback = new CountDownLatch(1);

        @Async(task = "producer.work", executor = "mes")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @OnDone(task = "producer.work")
        void done(Future<String> future) {
            callbackThread.set(Thread.currentThread().getName());
            callback.countDown();
        }

        /* Methods, not fields: the resource holds a client proxy, whose fields are not the bean's. */
        public String callbackThread() throws InterruptedException {
            return callback.await(60, SECONDS) ? callbackThread.get() : "none within 60 s";
        }
    }

    @Inject
    Work work;

    @GET
    public String call() throws Exception {
        String body = work.work().get(60, SECONDS);
        return "body.thread=" + body + "\ncallback.thread=" + work.callbackThread();
    }
}
