package org.ac1explorer.ui.playback;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * The sound card through Java Sound ({@code javax.sound.sampled}): 16-bit signed mono PCM on a
 * {@link SourceDataLine} with a short (~80 ms) buffer, so that a pause is heard promptly and the
 * clock ({@link SourceDataLine#getLongFramePosition()}) tracks what the listener hears.
 */
public final class JavaSoundSink implements AudioSink {
    private static final double BUFFER_S = 0.08;
    private volatile String reason;
    private volatile boolean probed;

    @Override
    public String unavailableReason() {
        if (!probed) {
            reason = probe();
            probed = true;
        }
        return reason;
    }

    private static String probe() {
        try {
            Line.Info playback = new Line.Info(SourceDataLine.class);
            for (Mixer.Info m : AudioSystem.getMixerInfo()) {
                if (AudioSystem.getMixer(m).getSourceLineInfo(playback).length > 0) {
                    return null;
                }
            }
            return "No sound output device was found: Java Sound lists no playback line on this computer "
                    + "(no sound card, or no access to it).";
        } catch (RuntimeException | LinkageError e) {
            return "Sound output is not available here (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").";
        }
    }

    private static AudioFormat format(double rateHz) {
        return new AudioFormat((float) rateHz, 16, 1, true, false);
    }

    @Override
    public boolean accepts(double rateHz) {
        try {
            return unavailableReason() == null
                    && AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format(rateHz)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public AudioStream open(double rateHz) throws AudioUnavailableException {
        String why = unavailableReason();
        if (why != null) {
            throw new AudioUnavailableException(why);
        }
        AudioFormat f = format(rateHz);
        try {
            SourceDataLine line = AudioSystem.getSourceDataLine(f);
            int frames = Math.max(256, (int) Math.round(BUFFER_S * rateHz));
            line.open(f, 2 * frames);
            line.start();
            return new Stream(line, rateHz);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioUnavailableException("The sound device refused a stream at "
                    + Math.round(rateHz) + " Hz" + (e.getMessage() == null ? "." : ": " + e.getMessage()), e);
        }
    }

    private static final class Stream implements AudioStream {
        private final SourceDataLine line;
        private final double rate;
        private volatile boolean closed;
        private byte[] bytes = new byte[0];

        Stream(SourceDataLine line, double rate) {
            this.line = line;
            this.rate = rate;
        }

        @Override
        public double rateHz() {
            return rate;
        }

        @Override
        public void write(float[] samples, int offset, int length) {
            if (closed) {
                return;
            }
            if (bytes.length < 2 * length) {
                bytes = new byte[2 * length];
            }
            for (int i = 0; i < length; i++) {
                float v = samples[offset + i];
                int s = (int) Math.rint(Math.max(-1f, Math.min(1f, v)) * 32767f);
                bytes[2 * i] = (byte) s;
                bytes[2 * i + 1] = (byte) (s >> 8);
            }
            int done = 0;
            while (done < 2 * length && !closed) {
                int n = line.write(bytes, done, 2 * length - done);
                if (n <= 0 && !line.isOpen()) {
                    return;
                }
                done += n;
            }
        }

        @Override
        public long framesPlayed() {
            return line.getLongFramePosition();
        }

        @Override
        public void drain() {
            if (!closed) {
                line.drain();
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            line.stop();
            line.flush();
            line.close();
        }
    }
}
