using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Scans.Templates;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>
/// What a school year's framework starts from, chosen by the admin: a copy of last year's (the default when there is
/// one) or one of the shipped templates (<see cref="FrameworkTemplates"/>). The form posts it as "Framework".
/// </summary>
public static class FrameworkStart
{
    public const string FieldName = "Framework";
    public const string Copy = "kopie";
    public const string UnknownChoice = "Kies een startkader uit de lijst: een kopie van het kader van vorig jaar of een van de voorbeeldkaders.";
    public const string NothingToCopy = "Er is geen eerder schooljaar met een kader om te kopiëren. Kies een van de voorbeeldkaders.";

    public sealed record Option(string Value, string Title, string? Description);

    /// <summary>The choice as the form shows it; <see cref="Selected"/> is checked.</summary>
    public sealed record Choice(IReadOnlyList<Option> Options, string Selected);

    /// <summary>A choice the form may post: null (the default), a copy, or a template's id.</summary>
    public static bool IsKnown(string? value) => value is null || value == Copy || FrameworkTemplates.Find(value) is not null;

    /// <summary>The options: a copy of <paramref name="copyFrom"/>'s framework when there is one, then every template.</summary>
    public static Choice ChoiceFor(string? copyFrom, string? chosen = null)
    {
        var options = new List<Option>();
        if (copyFrom is not null)
        {
            options.Add(new(Copy, $"Een kopie van het kader van {copyFrom}", "Het nieuwe schooljaar begint met precies de vragen van vorig jaar; scholen zien hun antwoorden van vorig jaar terug."));
        }

        options.AddRange(FrameworkTemplates.All.Select(t => new Option(t.Id, t.Title, t.Description)));
        var selected = options.Any(o => o.Value == chosen) ? chosen! : options[0].Value;
        return new Choice(options, selected);
    }

    /// <summary>The title of a choice for a flash message, e.g. "het startkader 'Vier factoren'".</summary>
    public static string Describe(string? choice, string? copiedFrom) =>
        copiedFrom is not null ? $"een kopie van het kader van {copiedFrom}"
        : $"het startkader '{(FrameworkTemplates.Find(choice) ?? FrameworkTemplates.Default).Title}'";

    /// <summary>
    /// The document a year starts with: the copy (<paramref name="copyJson"/>, verbatim) or the template. Null for a copy
    /// when there is nothing to copy. No choice (an older form) means a copy when there is one, else the default template.
    /// </summary>
    public static string? Json(string? choice, string? copyJson) => choice switch
    {
        null => copyJson ?? FrameworkTemplates.Load(FrameworkTemplates.Default).ToJson(),
        Copy => copyJson,
        _ => FrameworkTemplates.Load(FrameworkTemplates.Find(choice) ?? throw new ArgumentException($"Unknown framework template '{choice}'.", nameof(choice))).ToJson(),
    };

    /// <summary>The latest school years before <paramref name="startYear"/> that have a framework, latest first.</summary>
    private static IQueryable<ScanFramework> Before(AppDbContext db, int startYear) =>
        db.ScanFrameworks.AsNoTracking().Where(f => f.SchoolYear.StartYear < startYear).OrderByDescending(f => f.SchoolYear.StartYear);

    /// <summary>The name of the latest school year before <paramref name="startYear"/> that has a framework: what a copy copies.</summary>
    public static Task<string?> LatestBeforeNameAsync(AppDbContext db, int startYear, CancellationToken cancellationToken) =>
        Before(db, startYear).Select(f => (string?)f.SchoolYear.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The framework of the latest school year before <paramref name="startYear"/> that has one.</summary>
    public static async Task<(string YearName, string Json)?> LatestBeforeAsync(AppDbContext db, int startYear, CancellationToken cancellationToken)
    {
        var latest = await Before(db, startYear).Select(f => new { f.SchoolYear.Name, f.DefinitionJson }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : (latest.Name, latest.DefinitionJson);
    }
}
