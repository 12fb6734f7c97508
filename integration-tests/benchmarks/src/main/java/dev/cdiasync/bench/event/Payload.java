package dev.cdiasync.bench.event;

/** The event of the {@code fireAsync} case: its observer, the body, writes the result into it. */
public final class Payload {

    volatile Integer value;

    public Integer value() {
        return value;
    }
}
