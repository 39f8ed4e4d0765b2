using System;
using System.Globalization;
using System.Text;

namespace SchemaBind.Runtime;

/// <summary>
/// The grammars of RFC 3986 (URI, URI-reference) and RFC 3987 (IRI, IRI-reference), checked exactly:
/// .NET's <see cref="Uri"/> is lenient in ways JSON Schema's formats are not (several '@' in an
/// authority, brackets in a path, a leading zero in an IPv6 literal's IPv4 part, ...).
/// </summary>
internal static class UriSyntax
{
    /// <summary>True when <paramref name="value"/> matches the grammar.</summary>
    /// <param name="value">The text.</param>
    /// <param name="absolute">True for URI/IRI (a scheme is required), false for the -reference forms.</param>
    /// <param name="international">True for IRIs: non-ASCII characters of RFC 3987 are allowed.</param>
    public static bool IsValid(string value, bool absolute, bool international)
    {
        int fragment = value.IndexOf('#', StringComparison.Ordinal);
        int end = fragment < 0 ? value.Length : fragment;
        int query = value.IndexOf('?', 0, end);
        int hierEnd = query < 0 ? end : query;

        // A scheme is the text before the first ':', when no '/', '?' or '#' comes before that ':'.
        int colon = value.IndexOf(':', 0, hierEnd);
        int slash = value.IndexOf('/', 0, hierEnd);
        bool hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        int hierStart = 0;
        if (hasScheme)
        {
            if (!IsScheme(value.AsSpan(0, colon)))
            {
                return false; // also a relative reference may not have ':' in its first segment
            }

            hierStart = colon + 1;
        }
        else if (absolute)
        {
            return false;
        }

        ReadOnlySpan<char> hier = value.AsSpan(hierStart, hierEnd - hierStart);
        if (hier.StartsWith("//", StringComparison.Ordinal))
        {
            ReadOnlySpan<char> rest = hier.Slice(2);
            int pathStart = rest.IndexOf('/');
            ReadOnlySpan<char> authority = pathStart < 0 ? rest : rest.Slice(0, pathStart);
            if (!IsAuthority(authority, international)
                || (pathStart >= 0 && !IsPath(rest.Slice(pathStart), international)))
            {
                return false;
            }
        }
        else if (!IsPath(hier, international))
        {
            return false;
        }

        if (query >= 0 && !IsQueryOrFragment(value.AsSpan(query + 1, end - query - 1), international, query: true))
        {
            return false;
        }

        return fragment < 0 || IsQueryOrFragment(value.AsSpan(fragment + 1), international, query: false);
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || !char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (char c in scheme)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // authority = [ userinfo "@" ] host [ ":" port ]
    private static bool IsAuthority(ReadOnlySpan<char> authority, bool international)
    {
        int at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!All(authority.Slice(0, at), international, static c => IsUnreserved(c) || IsSubDelim(c) || c == ':'))
            {
                return false; // includes a second '@', which userinfo may not hold
            }

            authority = authority.Slice(at + 1);
        }

        ReadOnlySpan<char> port;
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            int close = authority.IndexOf(']');
            if (close < 0 || !IsIPLiteral(authority.Slice(1, close - 1)))
            {
                return false;
            }

            ReadOnlySpan<char> after = authority.Slice(close + 1);
            if (!after.IsEmpty && after[0] != ':')
            {
                return false;
            }

            port = after.IsEmpty ? default : after.Slice(1);
        }
        else
        {
            int portColon = authority.IndexOf(':');
            ReadOnlySpan<char> host = portColon < 0 ? authority : authority.Slice(0, portColon);
            port = portColon < 0 ? default : authority.Slice(portColon + 1);

            // reg-name (an IPv4 address is a reg-name too, as far as the characters go)
            if (!All(host, international, static c => IsUnreserved(c) || IsSubDelim(c)))
            {
                return false;
            }
        }

        foreach (char c in port)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // IP-literal = "[" ( IPv6address / IPvFuture ) "]"
    private static bool IsIPLiteral(ReadOnlySpan<char> literal)
    {
        if (literal.Length > 0 && (literal[0] == 'v' || literal[0] == 'V'))
        {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            int dot = literal.IndexOf('.');
            if (dot < 2 || dot == literal.Length - 1)
            {
                return false;
            }

            foreach (char c in literal.Slice(1, dot - 1))
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            foreach (char c in literal.Slice(dot + 1))
            {
                if (!(IsUnreserved(c) || IsSubDelim(c) || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        return IsIPv6(literal);
    }

    /// <summary>RFC 4291 text form (as RFC 3986's IPv6address): no zone, no leading zero in a trailing IPv4 part.</summary>
    public static bool IsIPv6(ReadOnlySpan<char> text)
    {
        int groups = 0;
        bool compressed = false;
        int i = 0;
        if (text.StartsWith("::", StringComparison.Ordinal))
        {
            compressed = true;
            i = 2;
            if (text.Length == 2)
            {
                return true;
            }
        }
        else if (text.IsEmpty || text[0] == ':')
        {
            return false;
        }

        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                // A trailing IPv4 address takes the place of two groups.
                if (!IsIPv4(text.Slice(start)))
                {
                    return false;
                }

                groups += 2;
                return compressed ? groups <= 7 : groups == 8;
            }

            int length = i - start;
            if (length is 0 or > 4)
            {
                return false;
            }

            groups++;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != ':')
            {
                return false;
            }

            i++;
            if (i < text.Length && text[i] == ':')
            {
                if (compressed)
                {
                    return false; // "::" only once
                }

                compressed = true;
                i++;
                if (i == text.Length)
                {
                    break;
                }
            }
            else if (i == text.Length)
            {
                return false; // a single trailing ':'
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }

    /// <summary>dotted-decimal, four parts 0–255, no leading zeros.</summary>
    public static bool IsIPv4(ReadOnlySpan<char> text)
    {
        int parts = 0;
        foreach (Range range in text.Split('.'))
        {
            ReadOnlySpan<char> part = text[range];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            if (int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }

            parts++;
        }

        return parts == 4;
    }

    // Segments of pchar separated by '/'. A path-noscheme's first segment cannot hold ':', which the
    // scheme check above already rules out.
    private static bool IsPath(ReadOnlySpan<char> path, bool international) =>
        All(path, international, static c => IsPChar(c) || c == '/');

    private static bool IsQueryOrFragment(ReadOnlySpan<char> text, bool international, bool query) =>
        All(text, international, c => IsPChar(c) || c is '/' or '?', allowPrivate: query);

    /// <summary>Every character is allowed, a percent-encoding or (for IRIs) a ucschar/iprivate code point.</summary>
    private static bool All(ReadOnlySpan<char> text, bool international, Func<char, bool> allowed, bool allowPrivate = false)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (c < 0x80)
            {
                if (!allowed(c))
                {
                    return false;
                }
            }
            else
            {
                if (!international || Rune.DecodeFromUtf16(text.Slice(i), out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
                {
                    return false;
                }

                if (!IsUcsChar(rune.Value) && !(allowPrivate && IsPrivate(rune.Value)))
                {
                    return false;
                }

                i += consumed - 1;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelim(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsPChar(char c) => IsUnreserved(c) || IsSubDelim(c) || c is ':' or '@';

    // RFC 3987 ucschar
    private static bool IsUcsChar(int c) =>
        (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF)
        || (c >= 0x10000 && c <= 0xEFFFD && (c & 0xFFFF) <= 0xFFFD && !(c >= 0xE0000 && c <= 0xE0FFF));

    // RFC 3987 iprivate (allowed in queries only)
    private static bool IsPrivate(int c) =>
        (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}
