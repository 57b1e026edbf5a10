using System.Globalization;
using System.Text;

namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// Keys for new framework items, made from their name. A key never changes after it is made: answers
/// carry over from year to year by key.
/// </summary>
public static class FrameworkKeys
{
    public const int SlugLength = 40;
    public const string Fallback = "item";

    /// <summary>"Taal en lezen (inclusief dyslexie)" becomes "taal-en-lezen-inclusief-dyslexie".</summary>
    public static string Slug(string? text, int maxLength = SlugLength)
    {
        var slug = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(lower);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > maxLength)
        {
            // Cut at a word boundary when there is one in the second half, so the key stays readable.
            var cut = result.LastIndexOf('-', maxLength);
            result = (cut > maxLength / 2 ? result[..cut] : result[..maxLength]).Trim('-');
        }

        return result.Length == 0 ? Fallback : result;
    }

    /// <summary>A slug of the name that is not in <paramref name="taken"/>, which it is added to: "rekenen", "rekenen-2", ...</summary>
    public static string NewKey(string? name, ISet<string> taken)
    {
        var slug = Slug(name);
        var key = slug;
        for (var n = 2; !taken.Add(key); n++) key = $"{slug}-{n}";
        return key;
    }
}
