using System;
using System.Text;

namespace SchemaBind.Runtime;

/// <summary>The syntax of RFC 6570 URI Templates (level 4).</summary>
internal static class UriTemplateSyntax
{
    public static bool IsValid(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '{')
            {
                int close = value.IndexOf('}', i + 1);
                if (close < 0 || !IsExpression(value.AsSpan(i + 1, close - i - 1)))
                {
                    return false;
                }

                i = close;
            }
            else if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (c < 0x80)
            {
                // literals (RFC 6570 §2.1): no CTL, SP, '"', '<', '>', '\', '^', '`', '|' or '}'. The
                // apostrophe is allowed, as RFC 6570's errata and the JSON Schema test suite have it.
                if (c <= ' ' || c == 0x7F || c is '"' or '<' or '>' or '\\' or '^' or '`' or '|' or '}')
                {
                    return false;
                }
            }
            else
            {
                if (Rune.DecodeFromUtf16(value.AsSpan(i), out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done
                    || !IsUcsCharOrPrivate(rune.Value))
                {
                    return false;
                }

                i += consumed - 1;
            }
        }

        return true;
    }

    // expression = "{" [ operator ] variable-list "}"
    private static bool IsExpression(ReadOnlySpan<char> body)
    {
        if (body.Length > 0 && "+#./;?&=,!@|".Contains(body[0]))
        {
            body = body.Slice(1);
        }

        if (body.IsEmpty)
        {
            return false;
        }

        foreach (Range range in body.Split(','))
        {
            if (!IsVarSpec(body[range]))
            {
                return false;
            }
        }

        return true;
    }

    // varspec = varname [ ":" max-length / "*" ]; varname = varchar *( ["."] varchar )
    private static bool IsVarSpec(ReadOnlySpan<char> spec)
    {
        if (spec.EndsWith("*", StringComparison.Ordinal))
        {
            spec = spec.Slice(0, spec.Length - 1);
        }
        else
        {
            int colon = spec.IndexOf(':');
            if (colon >= 0)
            {
                // max-length = %x31-39 0*3DIGIT: 1 to 9999, no leading zero
                ReadOnlySpan<char> length = spec.Slice(colon + 1);
                if (length.Length is 0 or > 4 || length[0] is < '1' or > '9')
                {
                    return false;
                }

                foreach (char c in length)
                {
                    if (!char.IsAsciiDigit(c))
                    {
                        return false;
                    }
                }

                spec = spec.Slice(0, colon);
            }
        }

        if (spec.IsEmpty || spec[0] == '.' || spec[^1] == '.')
        {
            return false;
        }

        for (int i = 0; i < spec.Length; i++)
        {
            char c = spec[i];
            if (c == '%')
            {
                if (i + 2 >= spec.Length || !char.IsAsciiHexDigit(spec[i + 1]) || !char.IsAsciiHexDigit(spec[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (c == '.')
            {
                if (spec[i - 1] == '.')
                {
                    return false;
                }
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUcsCharOrPrivate(int c) =>
        (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF)
        || (c >= 0x10000 && (c & 0xFFFF) <= 0xFFFD && !(c >= 0xE0000 && c <= 0xE0FFF));
}
