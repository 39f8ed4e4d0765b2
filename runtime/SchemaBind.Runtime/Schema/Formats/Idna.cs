using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SchemaBind.Runtime;

/// <summary>
/// Host names for the <c>hostname</c> and <c>idn-hostname</c> formats: RFC 1123 labels, and IDNA 2008
/// labels (RFC 5890–5893) with their own Punycode (RFC 3492) so the result does not depend on ICU.
/// The IDNA derived properties are computed from .NET's Unicode categories plus the tables of RFC 5892
/// (exceptions, contextual rules); Bidi classes and joining types are approximated by script ranges,
/// which covers the scripts these rules are about (Arabic, Hebrew, Syriac, NKo, Thaana).
/// </summary>
internal static class Idna
{
    /// <summary>An ASCII host name; A-labels ("xn--") must be valid IDNA 2008.</summary>
    public static bool IsHostname(string value) => IsDomain(value, international: false);

    /// <summary>A host name that may hold U-labels and the IDNA label separators.</summary>
    public static bool IsIdnHostname(string value) => IsDomain(value, international: true);

    private static bool IsDomain(string value, bool international)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var labels = new List<int[]>();
        int asciiLength = -1; // the name's length in A-label form: labels plus separators
        int start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            bool separator = i == value.Length || value[i] == '.'
                || (international && value[i] is '\u3002' or '\uFF0E' or '\uFF61');
            if (!separator)
            {
                continue;
            }

            string label = value.Substring(start, i - start);
            int[]? codePoints = Label(label, international);
            if (codePoints is null)
            {
                return false;
            }

            int labelAsciiLength = IsAscii(codePoints) ? codePoints.Length : 4 + Punycode.Encode(codePoints).Length;
            if (labelAsciiLength > 63)
            {
                return false;
            }

            asciiLength += labelAsciiLength + 1;
            labels.Add(codePoints);
            start = i + 1;
        }

        return asciiLength <= 253 && SatisfiesBidiRule(labels);
    }

    /// <summary>The label's code points (decoded when it is an A-label), or null when it is not a valid label.</summary>
    private static int[]? Label(string label, bool international)
    {
        if (label.Length == 0 || label.Length > 63 * 4)
        {
            return null;
        }

        bool ascii = true;
        foreach (char c in label)
        {
            ascii &= c < 0x80;
        }

        if (ascii)
        {
            if (label.Length > 63)
            {
                return null;
            }

            foreach (char c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return null;
                }
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return null;
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                // Reserved for A-labels: "xn--" followed by canonical Punycode of a valid U-label.
                if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                int[]? decoded = Punycode.Decode(label.AsSpan(4));
                if (decoded is null || IsAscii(decoded)
                    || !string.Equals(Punycode.Encode(decoded), label.Substring(4), StringComparison.OrdinalIgnoreCase)
                    || !IsULabel(decoded))
                {
                    return null;
                }

                return decoded;
            }

            return ToCodePoints(label);
        }

        if (!international)
        {
            return null;
        }

        int[]? codePoints = ToCodePointsOrNull(label);
        return codePoints is not null && IsULabel(codePoints) ? codePoints : null;
    }

    /// <summary>RFC 5891 §5.4 without the NFC requirement: hyphens, a leading mark, each code point's IDNA property and context.</summary>
    private static bool IsULabel(int[] label)
    {
        if (label.Length == 0 || label[0] == '-' || label[^1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        if (Category(label[0]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        for (int i = 0; i < label.Length; i++)
        {
            bool valid = Property(label[i]) switch
            {
                IdnaProperty.Valid => true,
                IdnaProperty.ContextJ => IsContextJValid(label, i),
                IdnaProperty.ContextO => IsContextOValid(label, i),
                _ => false,
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    private enum IdnaProperty
    {
        Valid,
        ContextJ,
        ContextO,
        Disallowed,
    }

    // RFC 5892 §2–3, in its order of precedence.
    private static IdnaProperty Property(int c)
    {
        switch (c)
        {
            case 0x00DF or 0x03C2 or 0x06FD or 0x06FE or 0x0F0B or 0x3007:
                return IdnaProperty.Valid; // Exceptions: PVALID
            case 0x0640 or 0x07FA or 0x302E or 0x302F or (>= 0x3031 and <= 0x3035) or 0x303B:
                return IdnaProperty.Disallowed; // Exceptions: DISALLOWED
            case 0x00B7 or 0x0375 or 0x05F3 or 0x05F4 or 0x30FB or (>= 0x0660 and <= 0x0669) or (>= 0x06F0 and <= 0x06F9):
                return IdnaProperty.ContextO;
            case 0x200C or 0x200D:
                return IdnaProperty.ContextJ;
        }

        if (c < 0x80)
        {
            // LDH; upper-case ASCII is accepted, host names compare without case.
            return char.IsAsciiLetterOrDigit((char)c) || c == '-' ? IdnaProperty.Valid : IdnaProperty.Disallowed;
        }

        if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF) // old Hangul Jamo
            || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0x1D100 && c <= 0x1D24F) // ignorable blocks
            || (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) // noncharacters
        {
            return IdnaProperty.Disallowed;
        }

        UnicodeCategory category = Category(c);
        if (category is not (UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
        {
            return IdnaProperty.Disallowed; // includes unassigned code points and upper-case letters
        }

        return IsStable(c) ? IdnaProperty.Valid : IdnaProperty.Disallowed;
    }

    /// <summary>Unstable: NFKC or case folding changes the code point (approximated by lower-casing).</summary>
    private static bool IsStable(int c)
    {
        var rune = new Rune(c);
        if (Rune.ToLowerInvariant(rune) != rune)
        {
            return false;
        }

        string text = rune.ToString();
        try
        {
            return string.Equals(text.Normalize(NormalizationForm.FormKC), text, StringComparison.Ordinal);
        }
        catch (PlatformNotSupportedException)
        {
            return true; // no normalization data (invariant globalization): the other rules still apply
        }
    }

    // RFC 5892 Appendix A.1 and A.2
    private static bool IsContextJValid(int[] label, int i)
    {
        if (i > 0 && IsVirama(label[i - 1]))
        {
            return true;
        }

        if (label[i] == 0x200D)
        {
            return false;
        }

        // ZERO WIDTH NON-JOINER: (L|D) T* ZWNJ T* (R|D)
        int before = i - 1;
        while (before >= 0 && Joining(label[before]) == 'T')
        {
            before--;
        }

        int after = i + 1;
        while (after < label.Length && Joining(label[after]) == 'T')
        {
            after++;
        }

        return before >= 0 && Joining(label[before]) is 'L' or 'D'
            && after < label.Length && Joining(label[after]) is 'R' or 'D';
    }

    // RFC 5892 Appendix A.3 to A.9
    private static bool IsContextOValid(int[] label, int i)
    {
        int c = label[i];
        switch (c)
        {
            case 0x00B7: // MIDDLE DOT: between two 'l'
                return i > 0 && i < label.Length - 1 && label[i - 1] == 'l' && label[i + 1] == 'l';
            case 0x0375: // GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek
                return i < label.Length - 1 && IsGreek(label[i + 1]);
            case 0x05F3 or 0x05F4: // HEBREW GERESH, GERSHAYIM: preceded by Hebrew
                return i > 0 && IsHebrew(label[i - 1]);
            case 0x30FB: // KATAKANA MIDDLE DOT: the label holds Hiragana, Katakana or Han
                foreach (int other in label)
                {
                    if (other != 0x30FB && (IsHiragana(other) || IsKatakana(other) || IsHan(other)))
                    {
                        return true;
                    }
                }

                return false;
            case >= 0x0660 and <= 0x0669: // ARABIC-INDIC DIGITS: not with EXTENDED ARABIC-INDIC DIGITS
                return Array.FindIndex(label, static x => x >= 0x06F0 && x <= 0x06F9) < 0;
            default: // 06F0–06F9 EXTENDED ARABIC-INDIC DIGITS: not with ARABIC-INDIC DIGITS
                return Array.FindIndex(label, static x => x >= 0x0660 && x <= 0x0669) < 0;
        }
    }

    /// <summary>RFC 5893 §2, for a domain name that holds a right-to-left label.</summary>
    private static bool SatisfiesBidiRule(List<int[]> labels)
    {
        bool bidiDomain = false;
        foreach (int[] label in labels)
        {
            foreach (int c in label)
            {
                bidiDomain |= Bidi(c) is BidiClass.R or BidiClass.AL or BidiClass.AN;
            }
        }

        if (!bidiDomain)
        {
            return true;
        }

        foreach (int[] label in labels)
        {
            BidiClass first = Bidi(label[0]);
            if (first is not (BidiClass.L or BidiClass.R or BidiClass.AL))
            {
                return false; // rule 1
            }

            bool rtl = first != BidiClass.L;
            bool hasEN = false, hasAN = false;
            foreach (int c in label)
            {
                BidiClass bidi = Bidi(c);
                bool allowed = rtl
                    ? bidi is not BidiClass.L // rule 2
                    : bidi is not (BidiClass.R or BidiClass.AL or BidiClass.AN); // rule 5
                if (!allowed)
                {
                    return false;
                }

                hasEN |= bidi == BidiClass.EN;
                hasAN |= bidi == BidiClass.AN;
            }

            if (rtl && hasEN && hasAN)
            {
                return false; // rule 4
            }

            int last = label.Length - 1;
            while (last > 0 && Bidi(label[last]) == BidiClass.NSM)
            {
                last--;
            }

            BidiClass end = Bidi(label[last]);
            bool endAllowed = rtl
                ? end is BidiClass.R or BidiClass.AL or BidiClass.EN or BidiClass.AN // rule 3
                : end is BidiClass.L or BidiClass.EN; // rule 6
            if (!endAllowed)
            {
                return false;
            }
        }

        return true;
    }

    private enum BidiClass
    {
        L,
        R,
        AL,
        AN,
        EN,
        NSM,
        Neutral, // ES, CS, ET, ON, BN: allowed inside labels of either direction
    }

    private static BidiClass Bidi(int c)
    {
        if (c is >= '0' and <= '9' or (>= 0x06F0 and <= 0x06F9) or 0xB2 or 0xB3 or 0xB9)
        {
            return BidiClass.EN;
        }

        if (c is (>= 0x0600 and <= 0x0605) or (>= 0x0660 and <= 0x0669) or 0x066B or 0x066C or 0x06DD or 0x08E2)
        {
            return BidiClass.AN;
        }

        UnicodeCategory category = Category(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            return BidiClass.NSM;
        }

        bool letter = category is UnicodeCategory.OtherLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
        if ((c >= 0x0590 && c <= 0x05FF) || (c >= 0x07C0 && c <= 0x085F) || (c >= 0xFB1D && c <= 0xFB4F) || (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EDFF))
        {
            return letter || c is 0x05BE or 0x05C0 or 0x05C3 or 0x05C6 or 0x05F3 or 0x05F4 ? BidiClass.R : BidiClass.Neutral;
        }

        if ((c >= 0x0608 && c <= 0x07BF) || (c >= 0x0860 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x1EE00 && c <= 0x1EEFF))
        {
            return letter || c is 0x0608 or 0x060B or 0x060D or 0x061B or 0x061F ? BidiClass.AL : BidiClass.Neutral;
        }

        return letter ? BidiClass.L : BidiClass.Neutral;
    }

    /// <summary>Joining_Type: 'D' dual, 'R' right, 'L' left, 'T' transparent, 'U' non-joining (RFC 5892 A.1).</summary>
    private static char Joining(int c)
    {
        UnicodeCategory category = Category(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return c is 0x200C or 0x200D ? 'U' : 'T';
        }

        bool arabicLike = (c >= 0x0620 && c <= 0x06FF) || (c >= 0x0710 && c <= 0x074F) || (c >= 0x0750 && c <= 0x077F)
            || (c >= 0x07CA && c <= 0x07EA) || (c >= 0x0860 && c <= 0x086A) || (c >= 0x08A0 && c <= 0x08C9);
        if (!arabicLike || (category != UnicodeCategory.OtherLetter && c != 0x0640))
        {
            return 'U';
        }

        return c switch
        {
            0x0621 or 0x0674 => 'U',
            0x0622 or 0x0623 or 0x0624 or 0x0625 or 0x0627 or 0x0629 or (>= 0x062F and <= 0x0632) or 0x0648
                or (>= 0x0671 and <= 0x0673) or (>= 0x0675 and <= 0x0677) or (>= 0x0688 and <= 0x0699) or 0x06C0
                or (>= 0x06C3 and <= 0x06CB) or 0x06CD or 0x06CF or 0x06D2 or 0x06D3 or 0x06D5 or 0x06EE or 0x06EF
                or 0x0710 or (>= 0x0715 and <= 0x0719) or 0x071E or 0x0728 or 0x072A or 0x072C or 0x072F or 0x074D
                or (>= 0x0759 and <= 0x075B) or 0x076B or 0x076C or 0x0771 or 0x0773 or 0x0774 or 0x0778 or 0x0779 => 'R',
            _ => 'D',
        };
    }

    private static bool IsVirama(int c) => c is 0x094D or 0x09CD or 0x0A4D or 0x0ACD or 0x0B4D or 0x0BCD or 0x0C4D or 0x0CCD
        or 0x0D3B or 0x0D3C or 0x0D4D or 0x0DCA or 0x0E3A or 0x0EBA or 0x0F84 or 0x1039 or 0x103A or 0x1714 or 0x1715
        or 0x1734 or 0x17D2 or 0x1A60 or 0x1B44 or 0x1BAA or 0x1BAB or 0x1BF2 or 0x1BF3 or 0x2D7F or 0xA806 or 0xA82C
        or 0xA8C4 or 0xA953 or 0xA9C0 or 0xAAF6 or 0xABED or 0x10A3F or 0x11046 or 0x11070 or 0x1107F or 0x110B9
        or 0x11133 or 0x11134 or 0x111C0 or 0x11235 or 0x112EA or 0x1134D or 0x11442 or 0x114C2 or 0x115BF or 0x1163F
        or 0x116B6 or 0x1172B or 0x11839 or 0x1193D or 0x1193E or 0x119E0 or 0x11A34 or 0x11A47 or 0x11A99 or 0x11C3F
        or 0x11D44 or 0x11D45 or 0x11D97;

    private static bool IsGreek(int c) => (c >= 0x0370 && c <= 0x03FF && c is not (0x0374 or 0x037E or 0x0385 or 0x0387)) || (c >= 0x1F00 && c <= 0x1FFF);

    private static bool IsHebrew(int c) => (c >= 0x0591 && c <= 0x05F4) || (c >= 0xFB1D && c <= 0xFB4F);

    private static bool IsHiragana(int c) => (c >= 0x3041 && c <= 0x309F) || c == 0x1B001 || c == 0x1F200;

    private static bool IsKatakana(int c) => (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x32D0 && c <= 0x32FE)
        || (c >= 0x3300 && c <= 0x3357) || (c >= 0xFF66 && c <= 0xFF9D) || c == 0x1B000;

    private static bool IsHan(int c) => (c >= 0x2E80 && c <= 0x2FD5) || c is 0x3005 or 0x3007 or (>= 0x3021 and <= 0x3029) or (>= 0x3038 and <= 0x303B)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);

    private static UnicodeCategory Category(int c) => CharUnicodeInfo.GetUnicodeCategory(c);

    private static bool IsAscii(int[] codePoints) => Array.TrueForAll(codePoints, static c => c < 0x80);

    private static int[] ToCodePoints(string text) => ToCodePointsOrNull(text) ?? [];

    private static int[]? ToCodePointsOrNull(string text)
    {
        var codePoints = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return null; // a lone surrogate
            }

            codePoints.Add(rune.Value);
            i += consumed - 1;
        }

        return codePoints.ToArray();
    }

    /// <summary>RFC 3492 Punycode, the encoding of A-labels after their "xn--" prefix.</summary>
    internal static class Punycode
    {
        private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

        public static int[]? Decode(ReadOnlySpan<char> input)
        {
            var output = new List<int>();
            int delimiter = input.LastIndexOf('-');
            if (delimiter > 0)
            {
                foreach (char c in input.Slice(0, delimiter))
                {
                    output.Add(c);
                }
            }

            long n = InitialN, i = 0;
            int bias = InitialBias;
            for (int position = delimiter > 0 ? delimiter + 1 : 0; position < input.Length;)
            {
                long oldI = i, w = 1;
                for (int k = Base; ; k += Base)
                {
                    if (position >= input.Length)
                    {
                        return null;
                    }

                    int digit = Digit(input[position++]);
                    if (digit < 0)
                    {
                        return null;
                    }

                    i += digit * w;
                    int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (i > 0x10FFFF * 64L)
                    {
                        return null;
                    }

                    if (digit < t)
                    {
                        break;
                    }

                    w *= Base - t;
                }

                bias = Adapt(i - oldI, output.Count + 1, oldI == 0);
                n += i / (output.Count + 1);
                i %= output.Count + 1;
                if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF))
                {
                    return null;
                }

                output.Insert((int)i, (int)n);
                i++;
            }

            return output.ToArray();
        }

        public static string Encode(int[] input)
        {
            var output = new StringBuilder();
            foreach (int c in input)
            {
                if (c < 0x80)
                {
                    output.Append((char)c);
                }
            }

            int basic = output.Length, handled = basic;
            if (basic > 0)
            {
                output.Append('-');
            }

            long n = InitialN, delta = 0;
            int bias = InitialBias;
            while (handled < input.Length)
            {
                long m = long.MaxValue;
                foreach (int c in input)
                {
                    if (c >= n && c < m)
                    {
                        m = c;
                    }
                }

                delta += (m - n) * (handled + 1);
                n = m;
                foreach (int c in input)
                {
                    if (c < n)
                    {
                        delta++;
                    }
                    else if (c == n)
                    {
                        long q = delta;
                        for (int k = Base; ; k += Base)
                        {
                            int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                            if (q < t)
                            {
                                break;
                            }

                            output.Append(DigitChar((int)(t + ((q - t) % (Base - t)))));
                            q = (q - t) / (Base - t);
                        }

                        output.Append(DigitChar((int)q));
                        bias = Adapt(delta, handled + 1, handled == basic);
                        delta = 0;
                        handled++;
                    }
                }

                delta++;
                n++;
            }

            return output.ToString();
        }

        private static int Adapt(long delta, int points, bool first)
        {
            delta = first ? delta / Damp : delta / 2;
            delta += delta / points;
            int k = 0;
            while (delta > ((Base - TMin) * TMax) / 2)
            {
                delta /= Base - TMin;
                k += Base;
            }

            return (int)(k + (((Base - TMin + 1) * delta) / (delta + Skew)));
        }

        private static int Digit(char c) => c switch
        {
            >= '0' and <= '9' => c - '0' + 26,
            >= 'a' and <= 'z' => c - 'a',
            >= 'A' and <= 'Z' => c - 'A',
            _ => -1,
        };

        private static char DigitChar(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);
    }
}
