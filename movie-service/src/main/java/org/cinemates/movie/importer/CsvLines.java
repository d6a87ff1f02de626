package org.cinemates.movie.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a CSV file, read with bounded memory whatever the file holds. MovieLens records
 * never span lines, so a line is a record: a line longer than the limit is skipped up to its end
 * (and reported), and each line is decoded as strict UTF-8, so a line with bytes that are not
 * UTF-8 is reported instead of being read as something it is not.
 */
final class CsvLines implements Closeable {

    private static final int READ_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[READ_SIZE];
    private final byte[] line;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long number;

    /**
     * One line: its text, or why it could not be read.
     *
     * @param number 1 for the first line of the file
     */
    record Line(
            long number, @Nullable String text, @Nullable String problem) {}

    CsvLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.line = new byte[maxLineBytes];
    }

    /** The next line without its line break, or null at the end of the file. */
    @Nullable
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAnything) {
                    return null;
                }
                break;
            }
            sawAnything = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            if (!tooLong && length + chunk <= line.length) {
                System.arraycopy(buffer, position, line, length, chunk);
                length += chunk;
            } else {
                tooLong = true;
            }
            boolean lineEnds = end < limit;
            position = lineEnds ? end + 1 : end;
            if (lineEnds) {
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "is longer than " + line.length + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = number == 1 && startsWithByteOrderMark(length) ? 3 : 0;
        return decode(start, length - start);
    }

    private Line decode(int start, int length) {
        boolean ascii = true;
        for (int i = start; i < start + length && ascii; i++) {
            ascii = line[i] >= 0;
        }
        if (ascii) {
            return new Line(number, new String(line, start, length, StandardCharsets.ISO_8859_1), null);
        }
        try {
            return new Line(
                    number, utf8.decode(ByteBuffer.wrap(line, start, length)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "is not valid UTF-8");
        }
    }

    private boolean startsWithByteOrderMark(int length) {
        return length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    /** How many lines a file has (a last line without a line break counts too). */
    static long count(InputStream in) throws IOException {
        byte[] chunk = new byte[READ_SIZE];
        long lines = 0;
        int last = '\n';
        for (int read = in.read(chunk); read > 0; read = in.read(chunk)) {
            for (int i = 0; i < read; i++) {
                if (chunk[i] == '\n') {
                    lines++;
                }
            }
            last = chunk[read - 1];
        }
        return last == '\n' ? lines : lines + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
