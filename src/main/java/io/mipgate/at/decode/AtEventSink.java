package io.mipgate.at.decode;

/** Receives the decoder's events synchronously, in wire order, on the thread that calls {@code feed}. */
@FunctionalInterface
public interface AtEventSink {
    void onEvent(AtEvent event);
}
