package com.payfunctions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that only records how long it was asked to wait, and may act instead of waiting. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new ArrayList<>();
    private final Runnable onSleep;

    RecordingSleeper() {
        this(() -> { });
    }

    RecordingSleeper(Runnable onSleep) {
        this.onSleep = onSleep;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        onSleep.run();
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
