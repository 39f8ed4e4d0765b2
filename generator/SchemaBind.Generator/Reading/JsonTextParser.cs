using System.Globalization;
using System.Text;
using SchemaBind.Generator.Text;

namespace SchemaBind.Generator.Reading;

/// <summary>
/// A strict RFC 8259 JSON parser that keeps the offset of every value and property name,
/// so that every diagnostic can point at the exact place in the schema file.
/// </summary>
/// <remarks>
/// Hand-written on purpose: the generator runs inside the compiler on netstandard2.0, where
/// System.Text.Json would have to be bundled, and its DOM does not keep positions.
/// </remarks>
internal sealed class JsonTextParser
{
    private const int MaxDepth = 256;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private readonly StringBuilder _buffer = new();
    private readonly StringTable _strings;
    private readonly MinifiedJson? _minified;

    // The members of the objects and the items of the arrays being read, innermost last: each object or array
    // gets an array of exactly its size at its end, not a list grown by doubling.
    private readonly List<JsonProperty> _openProperties = new();
    private readonly List<JsonNode> _openItems = new();
    private int _pos;
    private int _depth;

    // The start of the significant text not yet copied to _minified.
    private int _uncopied;

    private JsonTextParser(string text, MinifiedJson? minified, IReadOnlyList<string>? knownNames, CancellationToken cancellationToken)
    {
        _text = text;
        _minified = minified;
        _strings = new StringTable(knownNames);
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses a whole document; throws <see cref="JsonSyntaxException"/> where it breaks.</summary>
    public static JsonNode Parse(string text, CancellationToken cancellationToken = default) => Parse(text, null, cancellationToken);

    /// <inheritdoc cref="Parse(string, MinifiedJson, IReadOnlyList{string}, CancellationToken)"/>
    public static JsonNode Parse(string text, MinifiedJson? minified, CancellationToken cancellationToken) => Parse(text, minified, null, cancellationToken);

    /// <summary>
    /// Parses a whole document, and writes its text without insignificant whitespace to
    /// <paramref name="minified"/> on the way (the whitespace is skipped here anyway); throws
    /// <see cref="JsonSyntaxException"/> where it breaks. A name or string of the document equal to one of
    /// <paramref name="knownNames"/> is that very string instance, so the caller's lookups by those names (its
    /// own literals) are equal by reference, without comparing chars.
    /// </summary>
    public static JsonNode Parse(string text, MinifiedJson? minified, IReadOnlyList<string>? knownNames, CancellationToken cancellationToken)
    {
        var parser = new JsonTextParser(text, minified, knownNames, cancellationToken);

        // A byte order mark is not JSON, but editors write one; accept it.
        if (parser._pos < text.Length && text[parser._pos] == '\uFEFF')
        {
            parser._pos++;
            parser._uncopied = parser._pos;
        }

        parser.SkipWhitespace();
        if (parser._pos >= text.Length)
        {
            throw new JsonSyntaxException("the file is empty", 0);
        }

        JsonNode root = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw new JsonSyntaxException("unexpected text after the end of the document", parser._pos);
        }

        minified?.Append(text, parser._uncopied, text.Length - parser._uncopied);
        minified?.Complete();
        return root;
    }

    /// <summary>
    /// The text of a document that <see cref="Parse(string, CancellationToken)"/> read without error, without its
    /// insignificant whitespace: the same text the parse writes to its <c>minified</c> argument. For a document
    /// whose own text is embedded only sometimes (an OpenAPI document's embedded part is written from its tree; see
    /// EmbeddedDocument), made only when it is: on an 11 MB description, the copy made during the parse was
    /// 5 MB of chunks kept alive through the parse and then dropped.
    /// </summary>
    public static MinifiedJson Minify(string text, CancellationToken cancellationToken)
    {
        var minified = new MinifiedJson();
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        int uncopied = i;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                // A string, whitespace and all: to its closing quote, past every escaped char (strings are mostly
                // shorter than a vector: a loop beats a vectorized search here).
                i++;
                while ((c = text[i]) != '"')
                {
                    i += c == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (IsWhitespace(c))
            {
                // Whitespace outside strings is between tokens: what came before it is significant.
                minified.Append(text, uncopied, i - uncopied);
                do
                {
                    // Indentation four spaces at a time, as the parse skips it.
                    int quads = text[i] == ' ' ? LeadingFourSpaces(text.AsSpan(i)) : 0;
                    i += quads > 0 ? 4 * quads : 1;
                }
                while (i < text.Length && IsWhitespace(text[i]));

                uncopied = i;
                cancellationToken.ThrowIfCancellationRequested();
            }
            else
            {
                i++;
            }
        }

        minified.Append(text, uncopied, text.Length - uncopied);
        minified.Complete();
        return minified;

        static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';
    }

    private JsonNode ParseValue()
    {
        if (_pos >= _text.Length)
        {
            throw new JsonSyntaxException("unexpected end of file, a value was expected", _pos);
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                int start = _pos;
                string value = ParseString();
                return new JsonString(start, _pos, value);
            case 't':
                return ParseLiteral("true", (s, e) => new JsonBoolean(s, e, true));
            case 'f':
                return ParseLiteral("false", (s, e) => new JsonBoolean(s, e, false));
            case 'n':
                return ParseLiteral("null", (s, e) => new JsonNull(s, e));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw new JsonSyntaxException($"unexpected character '{Printable(c)}', a value was expected", _pos);
        }
    }

    private JsonObject ParseObject()
    {
        int start = _pos;
        Enter(start);
        _pos++; // '{'
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return new JsonObject(start, _pos, Array.Empty<JsonProperty>());
        }

        int first = _openProperties.Count;

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonSyntaxException(
                    _pos >= _text.Length ? "unexpected end of file inside an object" : "a property name in double quotes was expected",
                    _pos);
            }

            int nameStart = _pos;
            string name = ParseString();
            int nameEnd = _pos;
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw new JsonSyntaxException($"':' was expected after the property name \"{name}\"", _pos);
            }

            _pos++;
            SkipWhitespace();
            JsonNode value = ParseValue();
            _openProperties.Add(new JsonProperty(name, nameStart, nameEnd, value));
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                SkipWhitespace();
                if (Peek() == '}')
                {
                    throw new JsonSyntaxException("a trailing comma is not allowed in JSON", _pos - 1);
                }

                continue;
            }

            if (next == '}')
            {
                _pos++;
                _depth--;
                return new JsonObject(start, _pos, Close(_openProperties, first));
            }

            throw new JsonSyntaxException(
                _pos >= _text.Length ? "unexpected end of file inside an object, '}' was expected" : "',' or '}' was expected after a property value",
                _pos);
        }
    }

    private JsonArray ParseArray()
    {
        int start = _pos;
        Enter(start);
        _pos++; // '['
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return new JsonArray(start, _pos, Array.Empty<JsonNode>());
        }

        int first = _openItems.Count;

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SkipWhitespace();
            _openItems.Add(ParseValue());
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
                SkipWhitespace();
                if (Peek() == ']')
                {
                    throw new JsonSyntaxException("a trailing comma is not allowed in JSON", _pos - 1);
                }

                continue;
            }

            if (next == ']')
            {
                _pos++;
                _depth--;
                return new JsonArray(start, _pos, Close(_openItems, first));
            }

            throw new JsonSyntaxException(
                _pos >= _text.Length ? "unexpected end of file inside an array, ']' was expected" : "',' or ']' was expected after an array item",
                _pos);
        }
    }

    /// <summary>The entries of <paramref name="open"/> from <paramref name="first"/> on, taken off it as an array.</summary>
    private static T[] Close<T>(List<T> open, int first)
    {
        var closed = new T[open.Count - first];
        open.CopyTo(first, closed, 0, closed.Length);
        open.RemoveRange(first, closed.Length);
        return closed;
    }

    private string ParseString()
    {
        int start = _pos;
        string text = _text;
        int first = start + 1; // past the opening quote

        // Most strings have no escape: take them from the text as they are. A short one (a name, a keyword,
        // a $ref) is found and hashed in one pass and shared through the string table; a longer one (a
        // description, mostly) is cut from the text. (The runtime's IndexOfAny, for the quote, the backslash
        // and the 32 control chars, was slower here than this loop: descriptions are short.)
        uint hash = StringTable.Seed;
        int shortEnd = Math.Min(text.Length, first + StringTable.MaxLength + 1);
        for (int i = first; i < shortEnd; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                _pos = i + 1;
                return _strings.Get(text, first, i - first, hash);
            }

            if (c == '\\' || c < 0x20)
            {
                return ParseEscapedString(start);
            }

            hash = StringTable.Hash(hash, c);
        }

        for (int i = shortEnd; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                _pos = i + 1;
                return text.Substring(first, i - first);
            }

            if (c == '\\' || c < 0x20)
            {
                break;
            }
        }

        return ParseEscapedString(start);
    }

    /// <summary>The rest of a string from its opening quote at <paramref name="start"/>, escapes decoded; where it is broken, the error.</summary>
    private string ParseEscapedString(int start)
    {
        _pos = start + 1;
        _buffer.Clear();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new JsonSyntaxException("unterminated string", start);
            }

            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return _buffer.ToString();
            }

            if (c == '\\')
            {
                _pos++;
                if (_pos >= _text.Length)
                {
                    throw new JsonSyntaxException("unterminated string", start);
                }

                char e = _text[_pos];
                switch (e)
                {
                    case '"': _buffer.Append('"'); break;
                    case '\\': _buffer.Append('\\'); break;
                    case '/': _buffer.Append('/'); break;
                    case 'b': _buffer.Append('\b'); break;
                    case 'f': _buffer.Append('\f'); break;
                    case 'n': _buffer.Append('\n'); break;
                    case 'r': _buffer.Append('\r'); break;
                    case 't': _buffer.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 >= _text.Length
                            || !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new JsonSyntaxException("invalid \\u escape, four hex digits were expected", _pos - 1);
                        }

                        _buffer.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw new JsonSyntaxException($"invalid escape '\\{Printable(e)}' in a string", _pos - 1);
                }

                _pos++;
                continue;
            }

            if (c < 0x20)
            {
                throw new JsonSyntaxException("a control character must be escaped inside a string", _pos);
            }

            _buffer.Append(c);
            _pos++;
        }
    }

    private JsonNumber ParseNumber()
    {
        int start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }
        else
        {
            throw new JsonSyntaxException("invalid number, a digit was expected", _pos);
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw new JsonSyntaxException("invalid number, a digit was expected after '.'", _pos);
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw new JsonSyntaxException("invalid number, a digit was expected in the exponent", _pos);
            }

            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }

        if (IsDigit(Peek()))
        {
            throw new JsonSyntaxException("invalid number, a leading zero is not allowed", start);
        }

        return new JsonNumber(start, _pos, _text.Substring(start, _pos - start));
    }

    private JsonNode ParseLiteral(string literal, Func<int, int, JsonNode> create)
    {
        int start = _pos;
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw new JsonSyntaxException($"unexpected token, '{literal}' or another value was expected", _pos);
        }

        _pos += literal.Length;
        return create(start, _pos);
    }

    private void Enter(int at)
    {
        if (++_depth > MaxDepth)
        {
            throw new JsonSyntaxException($"the document nests deeper than {MaxDepth} levels", at);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void SkipWhitespace()
    {
        // Most calls meet a token right away: no call for them.
        if (_pos < _text.Length && _text[_pos] > ' ')
        {
            return;
        }

        SkipWhitespaceRun();
    }

    private void SkipWhitespaceRun()
    {
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == ' ')
            {
                // Indentation, most of a formatted document's whitespace: four spaces at a time.
                _pos += 4 * LeadingFourSpaces(_text.AsSpan(_pos));
                if (_pos < _text.Length && _text[_pos] == ' ')
                {
                    _pos++;
                }

                continue;
            }

            if (c != '\t' && c != '\n' && c != '\r')
            {
                break;
            }

            _pos++;
        }

        if (_pos != start && _minified is not null)
        {
            // Whitespace between tokens: what came before it is significant.
            _minified.Append(_text, _uncopied, start - _uncopied);
            _uncopied = _pos;
        }
    }

    /// <summary>How many times <paramref name="text"/> starts with four more spaces.</summary>
    private static int LeadingFourSpaces(ReadOnlySpan<char> text)
    {
        const ulong FourSpaces = 0x0020_0020_0020_0020;
        ReadOnlySpan<ulong> quads = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(text);
        int n = 0;
        while (n < quads.Length && quads[n] == FourSpaces)
        {
            n++;
        }

        return n;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static string Printable(char c) => c < 0x20 ? $"\\u{(int)c:X4}" : c.ToString();
}

/// <summary>
/// One string instance per distinct short text of a document: keywords, type names and <c>$ref</c>s
/// repeat thousands of times in a large API description, and the parse tree lives through the parse.
/// </summary>
internal sealed class StringTable
{
    /// <summary>Longer strings (descriptions, mostly) are rarely repeated; they are not looked up.</summary>
    public const int MaxLength = 32;

    /// <summary>The start of a text's hash (FNV-1a, 32 bits); each char goes in with <see cref="Hash"/>.</summary>
    public const uint Seed = 2166136261;

    private string?[] _slots = new string?[4096];
    private int _count;

    public StringTable(IReadOnlyList<string>? seed)
    {
        if (seed is null)
        {
            return;
        }

        foreach (string value in seed)
        {
            if (value.Length is > 0 and <= MaxLength)
            {
                int slot = FreeSlot(value, 0, value.Length, HashOf(value), out string? found);
                if (found is null)
                {
                    Store(slot, value);
                }
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static uint Hash(uint hash, char c) => (hash ^ c) * 16777619;

    private static uint HashOf(string value)
    {
        uint hash = Seed;
        foreach (char c in value)
        {
            hash = Hash(hash, c);
        }

        return hash;
    }

    /// <summary>
    /// The text of <paramref name="text"/> from <paramref name="start"/>, <paramref name="length"/> chars long;
    /// <paramref name="hash"/> is its chars' hash (see <see cref="Hash"/>) when it is at most <see cref="MaxLength"/> long.
    /// </summary>
    public string Get(string text, int start, int length, uint hash)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        int slot = FreeSlot(text, start, length, hash, out string? found);
        if (found is not null)
        {
            return found;
        }

        string value = text.Substring(start, length);
        Store(slot, value);
        return value;
    }

    /// <summary>The string equal to the text, in <paramref name="found"/>; else null and the free slot where it goes.</summary>
    private int FreeSlot(string text, int start, int length, uint hash, out string? found)
    {
        int mask = _slots.Length - 1;
        int slot = (int)(hash & (uint)mask);
        while (_slots[slot] is string candidate)
        {
            if (candidate.Length == length && string.CompareOrdinal(candidate, 0, text, start, length) == 0)
            {
                found = candidate;
                return slot;
            }

            slot = (slot + 1) & mask;
        }

        found = null;
        return slot;
    }

    private void Store(int slot, string value)
    {
        _slots[slot] = value;
        if (++_count * 2 > _slots.Length)
        {
            Grow();
        }
    }

    private void Grow()
    {
        string?[] old = _slots;
        _slots = new string?[old.Length * 2];
        int mask = _slots.Length - 1;
        foreach (string? value in old)
        {
            if (value is null)
            {
                continue;
            }

            int slot = (int)(HashOf(value) & (uint)mask);
            while (_slots[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = value;
        }
    }
}

/// <summary>The document is not valid JSON; <see cref="Offset"/> is where it breaks.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}
