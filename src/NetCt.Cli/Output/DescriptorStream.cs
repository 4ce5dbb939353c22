using NetCt.Interop;

namespace NetCt.Cli.Output;

/// <summary>
/// A write-only stream over an inherited descriptor (stdout, stderr) that writes with plain
/// <c>write(2)</c>, as conntrack's stdio does. A <see cref="FileStream"/> on a regular file writes
/// with <c>pwrite</c> at a position of its own and leaves the shared file offset where it found it,
/// so whatever the shell writes next into the same file (<c>(netct -C; echo done) &gt; out</c>, or
/// stderr redirected into stdout's file) would overwrite netct's output.
/// </summary>
internal sealed class DescriptorStream(int descriptor) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int written = FileDescriptors.Write(descriptor, buffer);
            if (written < 0)
            {
                throw new DescriptorWriteException(descriptor, -written);
            }

            buffer = buffer[written..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // Nothing is buffered here: every Write has reached the descriptor when it returns.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
