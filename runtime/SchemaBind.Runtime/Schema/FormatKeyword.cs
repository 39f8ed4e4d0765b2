using System;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaBind.Runtime;

/// <summary><c>format</c> as an assertion (only when <see cref="JsonSchemaOptions.AssertFormat"/> is on).</summary>
internal sealed partial class FormatKeyword(string format) : Keyword("format")
{
    private readonly string _message = "must be a valid " + format + ".";

    public override bool Evaluate(Evaluator e, JsonElement instance, Evaluated? evaluated, bool report)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        string value = instance.GetString()!;
        bool? valid;
        try
        {
            valid = Formats.Check(format, value);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            valid = false;
        }

        return valid is null or true || Fail(e, report, _message);
    }
}

/// <summary>The formats SchemaBind asserts; an unknown format is an annotation (null).</summary>
internal static partial class Formats
{
    public static bool? Check(string format, string value) => format switch
    {
        "date-time" => Internal.Rfc3339.TryParseDateTime(value, out _, out _, out _, out _),
        "date" => Internal.Rfc3339.TryParseDate(value, out _, out _, out _),
        "time" => Internal.Rfc3339.TryParseTime(value, out _),
        "duration" => DurationRegex().IsMatch(value),
        "email" => IsEmail(value, international: false),
        "idn-email" => IsEmail(value, international: true),
        "hostname" => Idna.IsHostname(value),
        "idn-hostname" => Idna.IsIdnHostname(value),
        "ipv4" => UriSyntax.IsIPv4(value),
        "ipv6" => UriSyntax.IsIPv6(value),
        "uri" => UriSyntax.IsValid(value, absolute: true, international: false),
        "uri-reference" => UriSyntax.IsValid(value, absolute: false, international: false),
        "iri" => UriSyntax.IsValid(value, absolute: true, international: true),
        "iri-reference" => UriSyntax.IsValid(value, absolute: false, international: true),
        "uri-template" => UriTemplateSyntax.IsValid(value),
        "uuid" => UuidRegex().IsMatch(value),
        "regex" => Internal.SchemaPattern.IsEcma262(value),
        "json-pointer" => IsJsonPointer(value),
        "relative-json-pointer" => IsRelativeJsonPointer(value),
        _ => null,
    };

    [GeneratedRegex(@"^P(?!$)(([0-9]+W)|([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();

    /// <summary>RFC 5321 (<c>email</c>), or RFC 6531 (<c>idn-email</c>: any non-ASCII character in the local part, an IDN domain).</summary>
    private static bool IsEmail(string value, bool international)
    {
        int at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
        {
            return false;
        }

        string local = value.Substring(0, at);
        string domain = value.Substring(at + 1);
        if (local.Length > 1 && local[0] == '"' && local[^1] == '"')
        {
            // A quoted local part may hold dots, spaces and '@' freely (RFC 5321 quoted-string).
            if (local.AsSpan(1, local.Length - 2).IndexOfAny('"', '\\') >= 0)
            {
                return false;
            }
        }
        else if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || local.AsSpan().IndexOfAny(" ,\"()<>[]:;@\\") >= 0)
        {
            return false;
        }

        if (!international && !Ascii.IsValid(local))
        {
            return false;
        }

        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            // ABNF strings are case-insensitive (RFC 5234 2.3): "IPV6:" and "ipv6:" are the RFC 5321 tag too.
            string literal = domain.Substring(1, domain.Length - 2);
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? UriSyntax.IsIPv6(literal.AsSpan(5)) : UriSyntax.IsIPv4(literal);
        }

        return international ? Idna.IsIdnHostname(domain) : Idna.IsHostname(domain);
    }

    private static bool IsJsonPointer(string value)
    {
        if (value.Length > 0 && value[0] != '/')
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '~' && (i + 1 >= value.Length || (value[i + 1] != '0' && value[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }

    // draft-handrews-relative-json-pointer-01: a non-negative integer, then "#" or a JSON Pointer.
    private static bool IsRelativeJsonPointer(string value)
    {
        int digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        if (digits == 0 || (digits > 1 && value[0] == '0'))
        {
            return false;
        }

        string rest = value.Substring(digits);
        return rest == "#" || IsJsonPointer(rest);
    }
}
