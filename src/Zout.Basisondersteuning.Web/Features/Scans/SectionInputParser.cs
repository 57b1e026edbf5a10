using System.Globalization;
using System.Text.RegularExpressions;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Turns raw form fields (a rescued post) back into a <see cref="SectionInput"/>, the way model binding would.</summary>
public static partial class SectionInputParser
{
    public static SectionInput FromForm(IReadOnlyDictionary<string, string> form)
    {
        var input = new SectionInput();
        if ((form.TryGetValue("Input.Version", out var version) || form.TryGetValue(nameof(SectionInput.Version), out version)) && int.TryParse(version, CultureInfo.InvariantCulture, out var v)) input.Version = v;
        var items = new SortedDictionary<int, ItemInput>();
        foreach (var (name, raw) in form)
        {
            var match = ItemField().Match(name);
            if (!match.Success) continue;
            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index > 10_000) continue;
            if (!items.TryGetValue(index, out var item)) items[index] = item = new ItemInput();
            var value = raw.Split(',')[0];
            switch (match.Groups[2].Value)
            {
                case nameof(ItemInput.Key): item.Key = raw; break;
                case nameof(ItemInput.Level): item.Level = ParseInt(value); break;
                case nameof(ItemInput.TargetLevel): item.TargetLevel = ParseInt(value); break;
                case nameof(ItemInput.Text): item.Text = raw; break;
                case nameof(ItemInput.Number): item.Number = raw; break;
                case nameof(ItemInput.Checked): item.Checked = raw.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase); break;
            }
        }

        input.Items = items.Values.Where(i => i.Key.Length > 0).ToList();
        return input;
    }

    private static int? ParseInt(string value) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^(?:Input\.)?Items\[(\d+)\]\.(\w+)$")]
    private static partial Regex ItemField();
}
