package io.gifstream.gif;

/** What {@link FrameParser} makes of one file: a usable {@link SourceFrame} or a {@link FrameRejected} with its reason. */
public sealed interface ParseResult permits SourceFrame, FrameRejected {
}
