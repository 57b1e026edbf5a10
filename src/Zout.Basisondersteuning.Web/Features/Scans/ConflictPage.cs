using System.Globalization;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Shared;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>
/// Someone else saved the section after the user opened it: the fields that differ, each with the user's and the
/// stored value (the user's is pre-chosen), posted back to the section's own save against the stored version.
/// </summary>
public sealed record ConflictPage(ScanContext Context, SectionDefinition Section, SaveSection.Conflict Conflict)
{
    private static readonly string[] ItemFields =
        [nameof(ItemInput.Level), nameof(ItemInput.TargetLevel), nameof(ItemInput.Text), nameof(ItemInput.Number), nameof(ItemInput.Checked)];

    public string Path => $"{Context.BasePath}/sectie/{Section.Slug}";

    public ConflictChoice Form
    {
        get
        {
            var conflicting = Conflict.Fields.Select(f => (f.Index, f.Field)).ToHashSet();
            var hidden = new List<KeyValuePair<string, string?>> { new("Input.Version", Conflict.StoredVersion.ToString(CultureInfo.InvariantCulture)) };
            for (var i = 0; i < Conflict.Mine.Items.Count; i++)
            {
                var mine = Conflict.Mine.Items[i];
                hidden.Add(new(ScanViewHelpers.Name(i, nameof(ItemInput.Key)), mine.Key));
                hidden.AddRange(ItemFields.Where(name => !conflicting.Contains((i, name))).Select(name => new KeyValuePair<string, string?>(ScanViewHelpers.Name(i, name), Value(mine, name))));
            }

            var fields = Conflict.Fields.Select(f => new ConflictChoice.Field(
                    ScanViewHelpers.Name(f.Index, f.Field),
                    $"{ScanViewHelpers.Id(f.Index, f.Field)}-mine",
                    $"{f.Label}: {ScanLabels.Field(f.Field)}",
                    new ConflictChoice.Option(f.Mine ?? "", Show(f.Field, f.Mine)),
                    new ConflictChoice.Option(f.Stored ?? "", Show(f.Field, f.Stored)),
                    Chosen: f.Mine ?? "",
                    f.ItemKey,
                    f.Field))
                .ToList();
            return new ConflictChoice(Path, hidden, fields, Path, "Mijn wijzigingen vergeten en de opgeslagen versie bekijken");
        }
    }

    private static string? Value(ItemInput item, string field) => field switch
    {
        nameof(ItemInput.Level) => item.Level?.ToString(CultureInfo.InvariantCulture),
        nameof(ItemInput.TargetLevel) => item.TargetLevel?.ToString(CultureInfo.InvariantCulture),
        nameof(ItemInput.Text) => item.Text,
        nameof(ItemInput.Number) => item.Number,
        _ => item.Checked ? "true" : "false",
    };

    private string Show(string field, string? value) => value is null ? "(leeg)" : field switch
    {
        nameof(ItemInput.Level) or nameof(ItemInput.TargetLevel) => $"{value}. {Context.Framework.LevelLabel(int.Parse(value, CultureInfo.InvariantCulture))}",
        nameof(ItemInput.Checked) => value == "true" ? "aanwezig" : "niet aanwezig",
        _ => value,
    };
}
