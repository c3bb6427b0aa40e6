package com.payfunctions;

import java.time.Duration;

/** Waits between retries; replaceable so tests and schedulers need not block a thread for real. */
@FunctionalInterface
public interface Sleeper {
    /** The sleeper that blocks the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
