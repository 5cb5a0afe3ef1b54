package io.gifstream.stream;

import java.util.concurrent.atomic.LongAdder;

/** What the broadcaster has done, counted without locks; read for the status page. */
final class StreamCounters {
    final LongAdder framesPublished = new LongAdder();
    final LongAdder framesSent = new LongAdder();
    final LongAdder framesDropped = new LongAdder();
    final LongAdder framesCatchingUp = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder viewersJoined = new LongAdder();
    final LongAdder viewersStalled = new LongAdder();
    final LongAdder viewersRejected = new LongAdder();
    final LongAdder keepAlivesSent = new LongAdder();
    /** Live frames put in a viewer's queue: each is later sent, dropped, or unsent when its viewer closes. */
    final LongAdder framesQueued = new LongAdder();
    final LongAdder framesUnsent = new LongAdder();
}
