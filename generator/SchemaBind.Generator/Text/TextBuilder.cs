using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SchemaBind.Generator.Text;

/// <summary>
/// Builds a large text without ever holding it as one string or one array: the text is written into a chunk of
/// <see cref="ChunkSize"/> chars that the thread reuses, and each full chunk is kept packed, one byte per char when
/// its chars fit in a byte (see <see cref="Latin1.Pack"/>), which generated C# and JSON almost always do. A large text
/// is then neither on the large object heap (whose allocations cost full collections) nor twice its size in memory.
/// It knows nothing of what the text says: <c>SourceWriter</c> writes C# with it, <c>MinifiedJson</c> a document.
/// </summary>
internal class TextBuilder
{
    /// <summary>Chars per chunk (16 KB): small enough that cutting a text's last chunk to size costs little.</summary>
    internal const int ChunkSize = 1 << ChunkBits;

    internal const int ChunkBits = 13;

    /// <summary>Four spaces as one 64-bit value, how runs of spaces (indentation) are written.</summary>
    private const ulong FourSpaces = 0x0020_0020_0020_0020;

    /// <summary>Up to 64 spaces, copied rather than written one by one.</summary>
    private const string Spaces = "                                                                ";

    /// <summary>The chunk the last text of the thread was written in (its text was packed out of it), for the next one.</summary>
    [ThreadStatic]
    private static char[]? t_scratch;

    /// <summary>The full chunks, packed, of <see cref="ChunkSize"/> chars each.</summary>
    private readonly List<PackedChunk> _full = new();
    private char[] _chunk;
    private int _used;

    // The text, once finished (see ToPackedText); nothing more can be written.
    private PackedText? _finished;

    /// <summary>
    /// A builder that writes into <paramref name="chunk"/>: a small array for a fragment (it doubles up to a chunk),
    /// <see cref="TakeScratch"/> for a whole file, or an empty one to take the thread's chunk when first written to.
    /// </summary>
    protected TextBuilder(char[] chunk) => _chunk = chunk;

    /// <summary>The number of chars written.</summary>
    public int Length => _finished?.Length ?? (_full.Count << ChunkBits) + _used;

    /// <summary>The thread's chunk, for a builder of a whole text; given back by <see cref="ToPackedText"/>.</summary>
    protected static char[] TakeScratch()
    {
        char[]? scratch = t_scratch;
        t_scratch = null;
        return scratch ?? new char[ChunkSize];
    }

    public void Append(char c)
    {
        if (_used == _chunk.Length)
        {
            Grow();
        }

        _chunk[_used++] = c;
    }

    public void Append(char c, int count)
    {
        if (c == ' ' && count <= Spaces.Length)
        {
            // Indentation: straight into the chunk when it has room (almost always), four chars at a time.
            if (count <= _chunk.Length - _used)
            {
                if ((count & 3) == 0)
                {
                    Span<ulong> quads = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(new Span<char>(_chunk, _used, count));
                    for (int i = 0; i < quads.Length; i++)
                    {
                        quads[i] = FourSpaces;
                    }
                }
                else
                {
                    Spaces.CopyTo(0, _chunk, _used, count);
                }

                _used += count;
            }
            else
            {
                Append(Spaces, 0, count);
            }

            return;
        }

        while (count > 0)
        {
            int n = Math.Min(count, Room());
            for (int i = 0; i < n; i++)
            {
                _chunk[_used + i] = c;
            }

            _used += n;
            count -= n;
        }
    }

    public void Append(string text)
    {
        if (text.Length <= _chunk.Length - _used)
        {
            text.CopyTo(0, _chunk, _used, text.Length); // the common case: it fits in the chunk
            _used += text.Length;
            return;
        }

        Append(text, 0, text.Length);
    }

    public void Append(string text, int start, int count)
    {
        while (count > 0)
        {
            int n = Math.Min(count, Room());
            text.CopyTo(start, _chunk, _used, n);
            _used += n;
            start += n;
            count -= n;
        }
    }

    /// <summary>Appends a finished text, chunk by chunk.</summary>
    public void Append(PackedText text)
    {
        foreach (PackedChunk chunk in text.Chunks)
        {
            for (int start = 0; start < chunk.Length;)
            {
                int n = Math.Min(chunk.Length - start, Room());
                chunk.CopyTo(start, _chunk, _used, n);
                _used += n;
                start += n;
            }
        }
    }

    /// <summary>
    /// Ends the text: packs the chunk being written (cut to size) and gives a whole chunk back to the thread. The
    /// builder must not be written to again; its text is the value returned.
    /// </summary>
    public PackedText ToPackedText()
    {
        if (_finished is { } finished)
        {
            return finished;
        }

        var chunks = new PackedChunk[_full.Count + 1];
        _full.CopyTo(chunks);
        chunks[_full.Count] = Latin1.Pack(_chunk, _used);
        if (_chunk.Length == ChunkSize)
        {
            t_scratch = _chunk;
        }

        finished = new PackedText(chunks, Length);
        _finished = finished;
        _full.Clear();
        _chunk = Array.Empty<char>();
        _used = 0;
        return finished;
    }

    /// <summary>The text, as UTF-8 source held in its packed chunks (see <see cref="ToPackedText"/>).</summary>
    public SourceText ToSourceTextAndFree() => new PackedSourceText(ToPackedText());

    public override string ToString()
    {
        if (_finished is { } finished)
        {
            return finished.ToString();
        }

        var builder = new StringBuilder(Length);
        foreach (PackedChunk chunk in _full)
        {
            builder.Append(chunk.ToString());
        }

        return builder.Append(_chunk, 0, _used).ToString();
    }

    /// <summary>The free chars of the chunk being written, after a new one is started when it is full.</summary>
    private int Room()
    {
        if (_used == _chunk.Length)
        {
            Grow();
        }

        return _chunk.Length - _used;
    }

    private void Grow()
    {
        if (_finished is not null)
        {
            throw new InvalidOperationException("The text is finished.");
        }

        if (_chunk.Length == 0)
        {
            _chunk = TakeScratch();
            return;
        }

        if (_chunk.Length < ChunkSize)
        {
            // A builder for a fragment starts small and doubles up to a chunk.
            char[] larger = new char[Math.Min(_chunk.Length * 2, ChunkSize)];
            Array.Copy(_chunk, larger, _used);
            _chunk = larger;
            return;
        }

        _full.Add(Latin1.Pack(_chunk, _used));
        _used = 0;
    }
}
