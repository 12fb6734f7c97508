package dev.cdiasync.servers.app.executors;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import dev.cdiasync.servers.app.Journal;
import dev.cdiasync.servers.app.ThreadFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Bodies and callbacks that report the thread they run on: on the default executor and on "mes". */
@ApplicationScoped
public class ThreadProbes {

    public static final String DEFAULT = "executors.default";
    public static final String MES = "executors.mes";

    @Inject
    Journal journal;

    @Async(task = DEFAULT)
    public CompletableFuture<List<String>> onDefault() {
        return CompletableFuture.completedFuture(ThreadFacts.of("body"));
    }

    @Async(task = MES, executor = "mes")
    public CompletableFuture<List<String>> onMes() {
        return CompletableFuture.completedFuture(ThreadFacts.of("body"));
    }

    @OnDone(task = DEFAULT)
    void afterDefault(Future<List<String>> future) {
        ThreadFacts.of("callback").forEach(fact -> journal.record(DEFAULT, fact));
    }

    @OnDone(task = MES)
    void afterMes(Future<List<String>> future) {
        ThreadFacts.of("callback").forEach(fact -> journal.record(MES, fact));
    }
}
