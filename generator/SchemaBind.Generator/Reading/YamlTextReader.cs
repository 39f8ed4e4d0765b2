using System.Globalization;
using System.Numerics;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace SchemaBind.Generator.Reading;

/// <summary>
/// Reads a YAML 1.2 document into the same <see cref="JsonNode"/> tree as <see cref="JsonTextParser"/>, with the
/// offsets of every value and name in the YAML text, so that a diagnostic points into the YAML file.
/// </summary>
/// <remarks>
/// <para>
/// YamlDotNet's <see cref="Scanner"/> does the YAML syntax's tokens (its marks are offsets in chars); this class
/// reads them by YAML's grammar as YamlDotNet's <see cref="Parser"/> does (same errors, same marks), straight into
/// the tree, without the parser's event objects. Plain scalars follow the YAML 1.2 core schema (null, booleans, integers in decimal,
/// octal <c>0o</c> and hex <c>0x</c>, floats); quoted and block scalars are strings; a key of any scalar kind is
/// its text (<c>200:</c> is the name "200"). Numbers become JSON numbers in decimal.
/// </para>
/// <para>
/// Aliases are expanded (each one is a copy of its anchored node, at that node's offsets), and so are merge keys
/// (<c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c>: the mapping's own keys win, then the earlier mappings). The
/// expanded document may be at most <see cref="BudgetFactor"/> times the size of the text plus
/// <see cref="BudgetConstant"/> (nodes, plus the chars of strings and names): a "billion laughs" document, which
/// expands exponentially, stops at the alias that crosses that line, after work bounded by the same budget.
/// </para>
/// </remarks>
internal sealed class YamlTextReader
{
    /// <summary>The nesting limit of <see cref="JsonTextParser"/>: the parser after it recurses into the tree.</summary>
    private const int MaxDepth = 256;

    internal const int BudgetFactor = 10;
    internal const int BudgetConstant = 1_000_000;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private readonly List<YamlNotice> _notices;
    private readonly long _budget;

    // By anchor name, the node it was last set on, with its size (see Cost) and height.
    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);

    // Anchors of the containers still open: an alias to one of them would be a node that contains itself.
    private readonly HashSet<string> _openAnchors = new(StringComparer.Ordinal);
    private readonly List<Frame> _frames = new();

    // Frames closed, for the next collections; and the members and items of the open collections, innermost last.
    private readonly List<Frame> _spareFrames = new();
    private readonly List<JsonProperty> _openProperties = new();
    private readonly List<JsonNode> _openItems = new();

    // The size of the tree built so far (nodes plus chars of strings and names).
    private long _cost;

    // What YamlDotNet's offsets are short of the text's: 1 after a byte order mark.
    private int _shift;

    // The end of the nodes (and collection starts and ends) read so far.
    private int _lastEnd;

    // The %TAG directives' handles and prefixes ("!" and "!!" have defaults).
    private readonly Dictionary<string, string> _tagHandles = new(StringComparer.Ordinal);

    private Scanner? _scanner;

    // The document's node, once complete.
    private JsonNode? _root;

    private YamlTextReader(string text, List<YamlNotice> notices, CancellationToken cancellationToken)
    {
        _text = text;
        _notices = notices;
        _cancellationToken = cancellationToken;
        _budget = ((long)text.Length * BudgetFactor) + BudgetConstant;
    }

    /// <summary>
    /// Reads the first document of <paramref name="text"/>; throws <see cref="YamlSyntaxException"/> where it breaks.
    /// What is read with a caveat (an unknown tag, a further document, a float JSON cannot hold) is added to
    /// <paramref name="notices"/>.
    /// </summary>
    public static JsonNode Read(string text, List<YamlNotice> notices, CancellationToken cancellationToken)
    {
        var reader = new YamlTextReader(text, notices, cancellationToken);

        // YamlDotNet reads a byte order mark as part of the first token: start after it, and shift every mark.
        var input = new System.IO.StringReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            input.Read();
            reader._shift = 1;
        }

        reader._scanner = new Scanner(input);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException ex)
        {
            int start = reader.Offset(ex.Start);
            throw new YamlSyntaxException(Sentence(ex.Message), start, Math.Max(reader.Offset(ex.End), start));
        }
    }

    // The rest of this class up to Expand reads YamlDotNet's scanner's tokens by the grammar of YAML's syntax, as
    // YamlDotNet's Parser does, and takes each node as the parser's event for it would be taken, with the same marks:
    // without the parser, reading takes a quarter less time and a third less memory.

    /// <summary>The token being looked at (not consumed yet).</summary>
    private Token Current => _scanner!.Current!;

    /// <summary>
    /// Consumes the current token and moves to the next. Besides its syntax errors (<see cref="YamlException"/>),
    /// YamlDotNet's scanner throws <see cref="InvalidOperationException"/> on some broken texts (a flow sequence left
    /// open before a key); that too is a syntax error, located after the last node read.
    /// </summary>
    private void Next()
    {
        try
        {
            if (!_scanner!.MoveNext())
            {
                throw new SemanticErrorException(_scanner.CurrentPosition, _scanner.CurrentPosition, "Did not find expected <stream-end>.");
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new YamlSyntaxException("the text after this point cannot be read (" + Sentence(ex.Message) + ")", _lastEnd, _lastEnd);
        }

        if (_scanner.Current is Error error)
        {
            throw new SemanticErrorException(error.Start, error.End, error.Value);
        }
    }

    private JsonNode ReadStream()
    {
        Next(); // the stream's start
        Next();
        if (Current is DocumentEnd)
        {
            // "..." first: the stream ends there (the parser reads nothing after it).
            Next();
            if (Current is not StreamEnd)
            {
                throw new YamlSyntaxException("the text after this point cannot be read (The scanner should contain no more tokens)", 0, 0);
            }
        }

        if (Current is StreamEnd)
        {
            throw new YamlSyntaxException("the file is empty", 0, 0);
        }

        if (Current is VersionDirective or TagDirective or DocumentStart)
        {
            Directives();
            if (Current is not DocumentStart documentStart)
            {
                throw new SemanticErrorException(Current.Start, Current.End, "Did not find expected <document start>.");
            }

            Next();
            if (Current is VersionDirective or TagDirective or DocumentStart or DocumentEnd or StreamEnd)
            {
                // "---" and nothing: the empty scalar.
                TakeScalar(string.Empty, ScalarStyle.Plain, null, null, documentStart.End, documentStart.End);
            }
            else
            {
                Node(block: true, indentlessSequence: false);
            }
        }
        else
        {
            Node(block: true, indentlessSequence: false);
        }

        JsonNode root = _root!;
        _cancellationToken.ThrowIfCancellationRequested();
        if (Current is DocumentEnd)
        {
            Next();
        }
        else if (Current is not (StreamEnd or DocumentStart))
        {
            throw new SemanticErrorException(Current.Start, Current.Start, "Did not find expected <document end>.");
        }

        while (Current is DocumentEnd)
        {
            Next();
        }

        switch (Current)
        {
            case StreamEnd:
                return root;
            case VersionDirective or TagDirective or DocumentStart or Scalar or BlockMappingStart:
                // The first document is the schema; a second one is most likely a paste that went wrong.
                int at = Offset(Current.Start);
                Mark end = Current.End;
                while (Current is VersionDirective or TagDirective)
                {
                    Next();
                    end = Current.End;
                }

                _notices.Add(new YamlNotice(YamlNoticeKind.FurtherDocument, at, Math.Max(at, Offset(end)), string.Empty));
                return root;
            default:
                throw new SemanticErrorException(Current.Start, Current.End, "Did not find expected <document start>.");
        }
    }

    /// <summary>The <c>%YAML</c> and <c>%TAG</c> directives of the document.</summary>
    private void Directives()
    {
        bool version = false;
        while (true)
        {
            if (Current is VersionDirective directive)
            {
                if (version)
                {
                    throw new SemanticErrorException(directive.Start, directive.End, "Found duplicate %YAML directive.");
                }

                if (directive.Version.Major != 1)
                {
                    throw new SemanticErrorException(directive.Start, directive.End, "Found incompatible YAML document.");
                }

                version = true;
            }
            else if (Current is TagDirective tag)
            {
                if (_tagHandles.ContainsKey(tag.Handle))
                {
                    throw new SemanticErrorException(tag.Start, tag.End, "Found duplicate %TAG directive.");
                }

                _tagHandles.Add(tag.Handle, tag.Prefix);
            }
            else
            {
                return;
            }

            Next();
        }
    }

    /// <summary>
    /// A node: an alias, or properties (anchor, tag) and content (a scalar, a collection; with
    /// <paramref name="indentlessSequence"/>, a block sequence at its mapping's indentation).
    /// </summary>
    private void Node(bool block, bool indentlessSequence)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (Current is AnchorAlias alias)
        {
            Alias(alias);
            Next();
            return;
        }

        Mark start = Current.Start;
        Anchor? anchor = null;
        Tag? tag = null;
        while (true)
        {
            if (anchor is null && Current is Anchor a)
            {
                anchor = a;
                Next();
            }
            else if (tag is null && Current is Tag t)
            {
                tag = t;
                Next();
            }
            else if (anchor is not null && Current is Anchor second)
            {
                throw new SemanticErrorException(second.Start, second.End, "While parsing a node, found more than one anchor.");
            }
            else if (Current is AnchorAlias misplaced)
            {
                throw new SemanticErrorException(misplaced.Start, misplaced.End, "While parsing a node, did not find expected token.");
            }
            else
            {
                break;
            }
        }

        string? tagName = null;
        if (tag is not null)
        {
            if (string.IsNullOrEmpty(tag.Handle))
            {
                tagName = tag.Suffix;
            }
            else if (tag.Handle == "!" && !_tagHandles.ContainsKey("!"))
            {
                tagName = "!" + tag.Suffix;
            }
            else if (tag.Handle == "!!" && !_tagHandles.ContainsKey("!!"))
            {
                tagName = CoreTagPrefix + tag.Suffix;
            }
            else if (_tagHandles.TryGetValue(tag.Handle, out string? prefix))
            {
                tagName = prefix + tag.Suffix;
            }
            else
            {
                throw new SemanticErrorException(tag.Start, tag.End, "While parsing a node, found undefined tag handle.");
            }

            if (tagName.Length == 0)
            {
                tagName = null;
            }
        }

        string? anchorName = anchor is null || anchor.Value.IsEmpty ? null : anchor.Value.Value;
        switch (Current)
        {
            case BlockEntry when indentlessSequence:
                Open(isMapping: false, flow: false, anchorName, tagName, Offset(start), startKnown: true);
                _lastEnd = Math.Max(_lastEnd, Offset(Current.End));
                IndentlessSequence();
                return;
            case Scalar scalar:
                TakeScalar(scalar.Value, scalar.Style, anchorName, tagName, start, scalar.End);
                Next();
                return;
            case FlowSequenceStart:
                OpenAt(isMapping: false, flow: true, anchorName, tagName, start);
                FlowSequence();
                return;
            case FlowMappingStart:
                OpenAt(isMapping: true, flow: true, anchorName, tagName, start);
                FlowMapping();
                return;
            case BlockSequenceStart when block:
                OpenAt(isMapping: false, flow: false, anchorName, tagName, start);
                BlockSequence();
                return;
            case BlockMappingStart when block:
                OpenAt(isMapping: true, flow: false, anchorName, tagName, start);
                BlockMapping();
                return;
            default:
                if (anchorName is not null || tag is not null)
                {
                    // Properties without content: the empty scalar.
                    TakeScalar(string.Empty, ScalarStyle.Plain, anchorName, tagName, start, Current.End);
                    return;
                }

                throw new SemanticErrorException(Current.Start, Current.End, "While parsing a node, did not find expected node content.");
        }
    }

    /// <summary>Opens a collection at its first token (the current one, consumed by the collection's reader).</summary>
    private void OpenAt(bool isMapping, bool flow, string? anchor, string? tag, Mark start)
    {
        Open(isMapping, flow, anchor, tag, Offset(start), startKnown: true);
        _lastEnd = Math.Max(_lastEnd, Offset(Current.End));
    }

    /// <summary>The empty scalar (a null) where a node is left out, at <paramref name="at"/>.</summary>
    private void Empty(Mark at) => TakeScalar(string.Empty, ScalarStyle.Plain, null, null, at, at);

    private void BlockSequence()
    {
        Next();
        while (true)
        {
            if (Current is BlockEntry entry)
            {
                Mark end = entry.End;
                Next();
                if (Current is BlockEntry or BlockEnd)
                {
                    Empty(end);
                }
                else
                {
                    Node(block: true, indentlessSequence: false);
                }
            }
            else if (Current is BlockEnd)
            {
                Close(Current);
                Next();
                return;
            }
            else
            {
                throw new SemanticErrorException(Current.Start, Current.End, "While parsing a block collection, did not find expected '-' indicator.");
            }
        }
    }

    private void IndentlessSequence()
    {
        while (Current is BlockEntry entry)
        {
            Mark end = entry.End;
            Next();
            if (Current is BlockEntry or Key or Value or BlockEnd)
            {
                Empty(end);
            }
            else
            {
                Node(block: true, indentlessSequence: false);
            }
        }

        Close(Current);
    }

    private void BlockMapping()
    {
        Next();
        bool expectsValue = false;
        while (true)
        {
            if (expectsValue)
            {
                expectsValue = false;
                if (Current is Value value)
                {
                    Mark end = value.End;
                    Next();
                    if (Current is Key or Value or BlockEnd)
                    {
                        Empty(end);
                    }
                    else
                    {
                        Node(block: true, indentlessSequence: true);
                    }
                }
                else
                {
                    Empty(Current.Start);
                }
            }
            else if (Current is Key key)
            {
                Mark end = key.End;
                Next();
                if (Current is Key or Value or BlockEnd)
                {
                    Empty(end);
                }
                else
                {
                    Node(block: true, indentlessSequence: true);
                }

                expectsValue = true;
            }
            else if (Current is Value value)
            {
                // A value without its key, as YamlDotNet's parser reads it: the empty key.
                Mark end = value.End;
                Next();
                Empty(end);
            }
            else if (Current is AnchorAlias alias)
            {
                Next();
                Alias(alias);
            }
            else if (Current is BlockEnd)
            {
                Close(Current);
                Next();
                return;
            }
            else
            {
                throw new SemanticErrorException(Current.Start, Current.End, "While parsing a block mapping, did not find expected key.");
            }
        }
    }

    private void FlowSequence()
    {
        Next();
        bool first = true;
        while (Current is not FlowSequenceEnd)
        {
            if (!first)
            {
                if (Current is not FlowEntry)
                {
                    throw new SemanticErrorException(Current.Start, Current.End, "While parsing a flow sequence, did not find expected ',' or ']'.");
                }

                Next();
            }

            first = false;
            if (Current is Key)
            {
                // A mapping of one pair ([a: b]): it starts at its key (the parser gives it no marks).
                Open(isMapping: true, flow: true, null, null, 0, startKnown: false);
                Next();
                if (Current is not (Value or FlowEntry or FlowSequenceEnd))
                {
                    Node(block: false, indentlessSequence: false);
                }
                else
                {
                    Mark end = Current.End;
                    Next();
                    Empty(end);
                }

                if (Current is Value)
                {
                    Next();
                    if (Current is not (FlowEntry or FlowSequenceEnd))
                    {
                        Node(block: false, indentlessSequence: false);
                    }
                    else
                    {
                        Empty(Current.Start);
                    }
                }
                else
                {
                    Empty(Current.Start);
                }

                Close(Current);
            }
            else if (Current is not FlowSequenceEnd)
            {
                Node(block: false, indentlessSequence: false);
            }
        }

        Close(Current);
        Next();
    }

    private void FlowMapping()
    {
        Next();
        bool first = true;
        while (Current is not FlowMappingEnd)
        {
            if (!first)
            {
                if (Current is not FlowEntry)
                {
                    throw new SemanticErrorException(Current.Start, Current.End, "While parsing a flow mapping, did not find expected ',' or '}'.");
                }

                Next();
            }

            first = false;
            if (Current is Key)
            {
                Next();
                if (Current is not (Value or FlowEntry or FlowMappingEnd))
                {
                    Node(block: false, indentlessSequence: false);
                }
                else
                {
                    Empty(Current.Start);
                }

                FlowMappingValue();
            }
            else if (Current is Scalar)
            {
                Node(block: false, indentlessSequence: false);
                FlowMappingValue();
            }
            else if (Current is not FlowMappingEnd)
            {
                Node(block: false, indentlessSequence: false);
                Empty(Current.Start);
            }
        }

        Close(Current);
        Next();
    }

    private void FlowMappingValue()
    {
        if (Current is Value)
        {
            Next();
            if (Current is not (FlowEntry or FlowMappingEnd))
            {
                Node(block: false, indentlessSequence: false);
                return;
            }
        }

        Empty(Current.Start);
    }

    /// <summary>Takes a scalar node (<paramref name="tag"/> resolved, null for none).</summary>
    private void TakeScalar(string value, ScalarStyle style, string? anchor, string? tag, Mark startMark, Mark endMark)
    {
        int start = Offset(startMark);
        int end = Math.Max(start, Offset(endMark));
        _lastEnd = Math.Max(_lastEnd, end);
        if (_frames.Count > 0 && _frames[_frames.Count - 1].ExpectsKey)
        {
            Frame frame = _frames[_frames.Count - 1];
            bool merge = value == "<<" && style == ScalarStyle.Plain && tag is null;
            frame.SetKey(value, start, end, merge);

            // A name is written out with every copy of its mapping: it counts as the mapping's.
            frame.AddCost(1 + value.Length);
            _cost += 1 + value.Length;
            if (anchor is not null)
            {
                _anchors[anchor] = new Anchored(new JsonString(frame.KeyStart, frame.KeyEnd, value), 1 + value.Length, 0);
            }

            return;
        }

        JsonNode node = ReadScalar(value, style, tag, start, end);
        long cost = 1 + (node is JsonString s ? s.Value.Length : 0);
        _cost += cost;
        if (anchor is not null)
        {
            _anchors[anchor] = new Anchored(node, cost, 0);
        }

        Add(node, cost, 0);
    }

    private void Alias(AnchorAlias alias)
    {
        _lastEnd = Math.Max(_lastEnd, Offset(alias.End));
        Anchored anchored = Expand(alias);
        Add(Copy(anchored.Node), anchored.Cost, anchored.Height);
    }

    /// <summary>The node an alias stands for, once the budget and the nesting limit allow its copy.</summary>
    private Anchored Expand(AnchorAlias alias)
    {
        int start = Offset(alias.Start);
        int end = Math.Max(start, Offset(alias.End));
        string name = alias.Value.Value;
        if (_frames.Count > 0 && _frames[_frames.Count - 1].ExpectsKey)
        {
            throw new YamlSyntaxException($"the alias *{name} is a mapping key; SchemaBind reads only scalar keys", start, end);
        }

        if (!_anchors.TryGetValue(name, out Anchored anchored))
        {
            throw new YamlSyntaxException(
                _openAnchors.Contains(name)
                    ? $"the alias *{name} is inside the node anchored &{name}: the document would be infinite"
                    : $"the alias *{name} refers to no anchor before it",
                start,
                end);
        }

        if (_cost + anchored.Cost > _budget)
        {
            throw new YamlSyntaxException(
                $"the aliases expand the document beyond {_budget.ToString(CultureInfo.InvariantCulture)} nodes and chars, {BudgetFactor} times its text (a \"billion laughs\" document?); expand them by hand if the document is meant to be this large",
                start,
                end);
        }

        if (_frames.Count + anchored.Height + 1 > MaxDepth)
        {
            throw new YamlSyntaxException($"the document nests deeper than {MaxDepth} levels", start, end);
        }

        _cost += anchored.Cost;
        return anchored;
    }

    /// <summary>Adds a complete node to the open collection, or makes it the root.</summary>
    private void Add(JsonNode node, long cost, int height)
    {
        if (_frames.Count == 0)
        {
            _root = node;
            return;
        }

        _frames[_frames.Count - 1].Add(node, cost, height);
    }

    /// <summary>A copy of a node, so that no node is reached by two paths of the tree (the parser keys on them).</summary>
    private static JsonNode Copy(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = new JsonProperty[obj.Properties.Length];
                for (int i = 0; i < properties.Length; i++)
                {
                    JsonProperty p = obj.Properties[i];
                    properties[i] = new JsonProperty(p.Name, p.NameStart, p.NameEnd, Copy(p.Value));
                }

                return new JsonObject(obj.Start, obj.End, properties);
            case JsonArray array:
                var items = new JsonNode[array.Items.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = Copy(array.Items[i]);
                }

                return new JsonArray(array.Start, array.End, items);
            default:
                // Scalars are immutable and keyed on by no one.
                return node switch
                {
                    JsonString s => new JsonString(s.Start, s.End, s.Value),
                    JsonNumber n => new JsonNumber(n.Start, n.End, n.Raw),
                    JsonBoolean b => new JsonBoolean(b.Start, b.End, b.Value),
                    _ => new JsonNull(node.Start, node.End),
                };
        }
    }

    private void Open(bool isMapping, bool flow, string? anchor, string? tag, int start, bool startKnown)
    {
        if (_frames.Count > 0 && _frames[_frames.Count - 1].ExpectsKey)
        {
            throw new YamlSyntaxException("a mapping key is " + (isMapping ? "a mapping" : "a sequence") + "; SchemaBind reads only scalar keys", start, start + 1);
        }

        if (_frames.Count >= MaxDepth)
        {
            throw new YamlSyntaxException($"the document nests deeper than {MaxDepth} levels", start, start + 1);
        }

        CheckContainerTag(tag, isMapping ? "map" : "seq", start);
        if (anchor is not null)
        {
            _openAnchors.Add(anchor);
        }

        Frame frame;
        if (_spareFrames.Count > 0)
        {
            frame = _spareFrames[_spareFrames.Count - 1];
            _spareFrames.RemoveAt(_spareFrames.Count - 1);
        }
        else
        {
            frame = new Frame(_openProperties, _openItems);
        }

        frame.Reset(isMapping, flow, start, startKnown, anchor);
        _frames.Add(frame);
    }

    /// <summary>Closes the innermost collection at <paramref name="token"/> (its end, or what follows it).</summary>
    private void Close(Token token)
    {
        _lastEnd = Math.Max(_lastEnd, Offset(token.End));
        Frame frame = _frames[_frames.Count - 1];
        _frames.RemoveAt(_frames.Count - 1);

        // A block collection ends where its last value does (its end event is at the next token, lines later);
        // a flow one at its closing bracket.
        int end = frame.Flow ? ClosingBracketEnd(token) : frame.LastEnd;
        end = Math.Max(end, frame.Start);
        JsonNode node = frame.IsMapping
            ? new JsonObject(frame.Start, end, frame.Properties())
            : new JsonArray(frame.Start, end, frame.Items());
        long cost = frame.Cost + 1;
        int height = frame.Height + 1;
        _cost += 1;
        if (frame.Anchor is { } anchor)
        {
            _openAnchors.Remove(anchor);
            _anchors[anchor] = new Anchored(node, cost, height);
        }

        _spareFrames.Add(frame);
        Add(node, cost, height);
    }

    /// <summary>Just past the ']' or '}' of a flow collection (the token that ends it is the bracket itself).</summary>
    private int ClosingBracketEnd(Token token)
    {
        int at = Offset(token.Start);
        return at < _text.Length && _text[at] is ']' or '}' ? at + 1 : Math.Max(at, Offset(token.End));
    }

    private void CheckContainerTag(string? tag, string expected, int start)
    {
        if (tag is null || tag == "!" || tag == CoreTagPrefix + expected)
        {
            return;
        }

        _notices.Add(new YamlNotice(YamlNoticeKind.UnknownTag, start, start + 1, tag));
    }

    /// <summary>A scalar that is not a key, by its tag (null: none, resolved by the core schema if plain).</summary>
    private JsonNode ReadScalar(string value, ScalarStyle style, string? tag, int start, int end)
    {
        if (tag is null)
        {
            return style == ScalarStyle.Plain ? Resolve(value, start, end, null) : new JsonString(start, end, value);
        }

        if (tag == "!" || tag == CoreTagPrefix + "str")
        {
            return new JsonString(start, end, value);
        }

        string name = tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? tag.Substring(CoreTagPrefix.Length) : string.Empty;
        if (name is "null" or "bool" or "int" or "float")
        {
            return Resolve(value, start, end, name);
        }

        _notices.Add(new YamlNotice(YamlNoticeKind.UnknownTag, start, end, tag));
        return style == ScalarStyle.Plain ? Resolve(value, start, end, null) : new JsonString(start, end, value);
    }

    /// <summary>
    /// A plain scalar by the YAML 1.2 core schema; with <paramref name="tag"/> ("null", "bool", "int", "float"),
    /// only as that kind, and a text that is not one is noted and read as a string.
    /// </summary>
    private JsonNode Resolve(string value, int start, int end, string? tag)
    {
        if ((tag is null or "null") && value is "" or "~" or "null" or "Null" or "NULL")
        {
            return new JsonNull(start, end);
        }

        if (tag is null or "bool")
        {
            if (value is "true" or "True" or "TRUE")
            {
                return new JsonBoolean(start, end, true);
            }

            if (value is "false" or "False" or "FALSE")
            {
                return new JsonBoolean(start, end, false);
            }
        }

        if (tag is null or "int" or "float" && value.Length > 0 && (IsDigit(value[0]) || value[0] is '-' or '+' or '.'))
        {
            string? raw = tag == "float" ? null : Integer(value);
            if (raw is null && tag != "int")
            {
                raw = Float(value);
                if (raw is null && IsInfinityOrNaN(value))
                {
                    _notices.Add(new YamlNotice(YamlNoticeKind.NotANumber, start, end, value));
                    return new JsonString(start, end, value);
                }
            }

            if (raw is not null)
            {
                return new JsonNumber(start, end, raw);
            }
        }

        if (tag is not null)
        {
            // "!!int abc": the tag does not fit the text.
            _notices.Add(new YamlNotice(YamlNoticeKind.UnknownTag, start, end, CoreTagPrefix + tag));
            return Resolve(value, start, end, null);
        }

        return new JsonString(start, end, value);
    }

    /// <summary>A core-schema integer in JSON's decimal form, or null.</summary>
    internal static string? Integer(string value)
    {
        if (value.Length > 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'o'))
        {
            bool hex = value[1] == 'x';
            BigInteger result = BigInteger.Zero;
            for (int i = 2; i < value.Length; i++)
            {
                int digit = HexDigit(value[i]);
                if (digit < 0 || (!hex && digit > 7))
                {
                    return null;
                }

                result = (result * (hex ? 16 : 8)) + digit;
            }

            return result.ToString(CultureInfo.InvariantCulture);
        }

        int first = value.Length > 0 && value[0] is '-' or '+' ? 1 : 0;
        if (first == value.Length)
        {
            return null;
        }

        for (int i = first; i < value.Length; i++)
        {
            if (!IsDigit(value[i]))
            {
                return null;
            }
        }

        if (value[0] != '+' && (value[first] != '0' || value.Length == first + 1))
        {
            return value;
        }

        // "+5" and "007" are the integers 5 and 7; JSON writes neither sign nor leading zero.
        string digits = value.Substring(first).TrimStart('0');
        return (value[0] == '-' ? "-" : string.Empty) + (digits.Length == 0 ? "0" : digits);
    }

    /// <summary>A core-schema float (<c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>) in JSON's form, or null.</summary>
    internal static string? Float(string value)
    {
        int i = 0;
        bool negative = false;
        if (i < value.Length && value[i] is '-' or '+')
        {
            negative = value[i] == '-';
            i++;
        }

        int intStart = i;
        while (i < value.Length && IsDigit(value[i]))
        {
            i++;
        }

        string integer = value.Substring(intStart, i - intStart);
        string fraction = string.Empty;
        bool dot = false;
        if (i < value.Length && value[i] == '.')
        {
            dot = true;
            i++;
            int fracStart = i;
            while (i < value.Length && IsDigit(value[i]))
            {
                i++;
            }

            fraction = value.Substring(fracStart, i - fracStart);
        }

        if (integer.Length == 0 && fraction.Length == 0)
        {
            return null;
        }

        string exponent = string.Empty;
        if (i < value.Length && value[i] is 'e' or 'E')
        {
            int expStart = i;
            i++;
            if (i < value.Length && value[i] is '-' or '+')
            {
                i++;
            }

            int digits = i;
            while (i < value.Length && IsDigit(value[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return null;
            }

            exponent = value.Substring(expStart, i - expStart);
        }

        if (i != value.Length)
        {
            return null;
        }

        integer = integer.TrimStart('0');
        return (negative ? "-" : string.Empty)
            + (integer.Length == 0 ? "0" : integer)
            + (dot ? "." + (fraction.Length == 0 ? "0" : fraction) : string.Empty)
            + exponent;
    }

    private static bool IsInfinityOrNaN(string value)
    {
        string unsigned = value.Length > 0 && value[0] is '-' or '+' ? value.Substring(1) : value;
        return unsigned is ".inf" or ".Inf" or ".INF" || value is ".nan" or ".NaN" or ".NAN";
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A mark's offset, inside the text (YamlDotNet's index counts UTF-16 chars, as string offsets do).</summary>
    private int Offset(Mark mark) => (int)Math.Min(Math.Max(mark.Index + _shift, 0), _text.Length);

    /// <summary>YamlDotNet's message as the end of our sentence: no final period.</summary>
    private static string Sentence(string message)
    {
        message = message.Trim();
        return message.EndsWith(".", StringComparison.Ordinal) ? message.Substring(0, message.Length - 1) : message;
    }

    private readonly struct Anchored
    {
        public Anchored(JsonNode node, long cost, int height)
        {
            Node = node;
            Cost = cost;
            Height = height;
        }

        public JsonNode Node { get; }

        public long Cost { get; }

        public int Height { get; }
    }

    /// <summary>
    /// A mapping or sequence being read. Its members (or items) are the last of the reader's lists of them while it
    /// is the innermost collection, from <see cref="_first"/>; closed, the frame is reused for a later collection.
    /// </summary>
    private sealed class Frame
    {
        private readonly List<JsonProperty> _properties;
        private readonly List<JsonNode> _items;

        // Merge keys: the index in _properties where each one's mappings go, and the value (checked at the end).
        private List<(int At, JsonNode Value, int KeyStart, int KeyEnd)>? _merges;
        private string? _key;
        private bool _keyIsMerge;

        private bool _startKnown;
        private int _first;

        public Frame(List<JsonProperty> properties, List<JsonNode> items)
        {
            _properties = properties;
            _items = items;
        }

        public bool IsMapping { get; private set; }

        public bool Flow { get; private set; }

        public int Start { get; private set; }

        public string? Anchor { get; private set; }

        public int LastEnd { get; private set; }

        public long Cost { get; private set; }

        public int Height { get; private set; }

        public int KeyStart { get; private set; }

        public int KeyEnd { get; private set; }

        public bool ExpectsKey => IsMapping && _key is null;

        public void Reset(bool isMapping, bool flow, int start, bool startKnown, string? anchor)
        {
            IsMapping = isMapping;
            Flow = flow;
            Start = start;
            LastEnd = start;
            _startKnown = startKnown;
            Anchor = anchor;
            Cost = 0;
            Height = 0;
            KeyStart = 0;
            KeyEnd = 0;
            _merges = null;
            _key = null;
            _keyIsMerge = false;
            _first = isMapping ? _properties.Count : _items.Count;
        }

        public void SetKey(string key, int start, int end, bool merge)
        {
            _key = key;
            KeyStart = start;
            KeyEnd = end;
            _keyIsMerge = merge;
            NoteStart(start);
        }

        public void AddCost(long cost) => Cost += cost;

        public void Add(JsonNode value, long cost, int height)
        {
            Cost += cost;
            Height = Math.Max(Height, height);
            if (!IsMapping)
            {
                NoteStart(value.Start);
                _items.Add(value);
                LastEnd = Math.Max(LastEnd, value.End);
                return;
            }

            if (_keyIsMerge)
            {
                (_merges ??= new()).Add((_properties.Count - _first, value, KeyStart, KeyEnd));
            }
            else
            {
                _properties.Add(new JsonProperty(_key!, KeyStart, KeyEnd, value));
            }

            // An alias's copy carries its anchor's offsets, which may lie before the key.
            LastEnd = Math.Max(LastEnd, Math.Max(KeyEnd, value.End));
            _key = null;
            _keyIsMerge = false;
        }

        /// <summary>The mapping's members, taken off the reader's list.</summary>
        public JsonProperty[] Properties()
        {
            if (_key is not null)
            {
                // A key without a value cannot reach here (the parser gives an empty scalar), but be safe.
                Add(new JsonNull(KeyEnd, KeyEnd), 1, 0);
            }

            int count = _properties.Count - _first;
            var own = new JsonProperty[count];
            _properties.CopyTo(_first, own, 0, count);
            _properties.RemoveRange(_first, count);
            if (_merges is null)
            {
                return own;
            }

            // The mapping's own keys win, then the merged mappings in their order; merged keys go where "<<" was.
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty p in own)
            {
                taken.Add(p.Name);
            }

            var result = new List<JsonProperty>(own.Length);
            int next = 0;
            foreach ((int at, JsonNode value, int keyStart, int keyEnd) in _merges)
            {
                while (next < at)
                {
                    result.Add(own[next++]);
                }

                JsonNode[] sources = value switch
                {
                    JsonObject single => new JsonNode[] { single },
                    JsonArray list => list.Items,
                    _ => Array.Empty<JsonNode>(),
                };
                if (value is not JsonObject && value is not JsonArray)
                {
                    throw new YamlSyntaxException("the merge key << takes a mapping or a list of mappings, not " + value.KindDisplay, keyStart, keyEnd);
                }

                foreach (JsonNode source in sources)
                {
                    if (source is not JsonObject mapping)
                    {
                        throw new YamlSyntaxException("the merge key << takes a mapping or a list of mappings; an item of this list is " + source.KindDisplay, source.Start, Math.Max(source.Start + 1, source.End));
                    }

                    foreach (JsonProperty p in mapping.Properties)
                    {
                        if (taken.Add(p.Name))
                        {
                            result.Add(p);
                        }
                    }
                }
            }

            while (next < own.Length)
            {
                result.Add(own[next++]);
            }

            return result.ToArray();
        }

        /// <summary>The sequence's items, taken off the reader's list.</summary>
        public JsonNode[] Items()
        {
            int count = _items.Count - _first;
            var items = new JsonNode[count];
            _items.CopyTo(_first, items, 0, count);
            _items.RemoveRange(_first, count);
            return items;
        }

        private void NoteStart(int start)
        {
            if (!_startKnown)
            {
                Start = start;
                LastEnd = start;
                _startKnown = true;
            }
        }
    }
}

/// <summary>What a YAML document holds that is read with a caveat; the parser reports it as a warning.</summary>
internal enum YamlNoticeKind
{
    /// <summary>A tag other than the core schema's (<c>!!str</c>, <c>!!int</c>...): the value is read as if untagged.</summary>
    UnknownTag,

    /// <summary>A second document in the stream: only the first is read.</summary>
    FurtherDocument,

    /// <summary><c>.inf</c>, <c>-.inf</c> or <c>.nan</c>: JSON has no such number; read as a string.</summary>
    NotANumber,
}

internal readonly struct YamlNotice
{
    public YamlNotice(YamlNoticeKind kind, int start, int end, string text)
    {
        Kind = kind;
        Start = start;
        End = end;
        Text = text;
    }

    public YamlNoticeKind Kind { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>The tag or the scalar concerned.</summary>
    public string Text { get; }
}

/// <summary>Where and why a YAML text cannot be read.</summary>
internal sealed class YamlSyntaxException : Exception
{
    public YamlSyntaxException(string message, int offset, int end)
        : base(message)
    {
        Offset = offset;
        End = end;
    }

    public int Offset { get; }

    public int End { get; }
}
