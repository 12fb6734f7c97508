package dev.cdiasync.bench.event;

import dev.cdiasync.bench.Case;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/** The body of the {@code fireAsync} case: an asynchronous observer. */
@ApplicationScoped
public class PayloadObserver {

    void on(@ObservesAsync Payload payload) {
        payload.value = Case.VALUE;
    }
}
