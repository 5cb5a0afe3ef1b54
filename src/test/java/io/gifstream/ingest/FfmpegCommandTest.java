package io.gifstream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gifstream.config.ChannelInput;
import io.gifstream.config.ChannelInput.FrameSize;
import io.gifstream.config.ChannelInput.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FfmpegCommandTest {
    private static final List<String> OUTPUT = List.of("-f", "image2pipe", "-c:v", "gif", "-gifimage", "1", "-");

    @Test
    void loopingFileIsReadInRealTimeFromTheStartAgain() {
        List<String> command = FfmpegCommand.of("ffmpeg", new ChannelInput("clip", "/v/clip.mp4", Kind.FILE,
                Optional.of(new FrameSize(320, 180)), 12.5, 64, true));
        assertEquals("ffmpeg", command.get(0));
        int input = command.indexOf("-i");
        assertEquals("/v/clip.mp4", command.get(input + 1));
        assertTrue(command.subList(0, input).containsAll(List.of("-re", "-stream_loop", "-1")), command.toString());
        assertEquals("-1", command.get(command.indexOf("-stream_loop") + 1));
        assertEquals(OUTPUT, command.subList(command.size() - OUTPUT.size(), command.size()));
        assertTrue(command.contains("-an"));
        assertEquals("fps=12.500,scale=320:180:flags=lanczos,split[a][b];"
                + "[a]palettegen=max_colors=64:stats_mode=single[p];[b][p]paletteuse=new=1",
                command.get(command.indexOf("-vf") + 1));
    }

    @Test
    void fileWithoutLoopEndsAtItsEnd() {
        List<String> command = FfmpegCommand.of("ffmpeg", new ChannelInput("clip", "/v/clip.mp4", Kind.FILE,
                Optional.empty(), 10, 256, false));
        assertTrue(command.contains("-re"));
        assertTrue(!command.contains("-stream_loop"), command.toString());
        assertTrue(command.get(command.indexOf("-vf") + 1).startsWith("fps=10,scale='min(640,iw)':-2:flags=lanczos,"));
    }

    @Test
    void cameraAddressesAreReadAsTheyComeAndRtspOverTcp() {
        List<String> rtsp = FfmpegCommand.of("/opt/ffmpeg", new ChannelInput("cam", "rtsp://cam/1", Kind.ADDRESS,
                Optional.empty(), 10, 256, false));
        assertEquals(List.of("-rtsp_transport", "tcp", "-i", "rtsp://cam/1"),
                rtsp.subList(rtsp.indexOf("-i") - 2, rtsp.indexOf("-i") + 2));
        assertTrue(!rtsp.contains("-re"), "a live source sets its own pace");
        List<String> http = FfmpegCommand.of("ffmpeg", new ChannelInput("cam", "http://cam/mjpg", Kind.ADDRESS,
                Optional.empty(), 10, 256, false));
        assertTrue(!http.contains("-rtsp_transport") && !http.contains("-re"), http.toString());
    }

    @Test
    void lavfiAndDevicesNameTheirDemuxer() {
        List<String> lavfi = FfmpegCommand.of("ffmpeg", new ChannelInput("t", "testsrc", Kind.LAVFI,
                Optional.empty(), 10, 256, false));
        assertEquals(List.of("-re", "-f", "lavfi", "-i", "testsrc"),
                lavfi.subList(lavfi.indexOf("-i") - 3, lavfi.indexOf("-i") + 2));
        List<String> device = FfmpegCommand.of("ffmpeg", new ChannelInput("t", "/dev/video0", Kind.DEVICE,
                Optional.empty(), 10, 256, false));
        assertEquals(List.of("-f", "v4l2", "-i", "/dev/video0"),
                device.subList(device.indexOf("-i") - 2, device.indexOf("-i") + 2));
    }
}
