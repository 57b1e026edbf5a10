using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>The framework of a year, loaded for a change: the tracked row and a private, mutable copy of its definition.</summary>
public sealed class EditableFramework(SchoolYear year, ScanFramework? row, FrameworkDefinition? definition, DateOnly today)
{
    public SchoolYear Year { get; } = year;
    public ScanFramework? Row { get; } = row;

    /// <summary>A fresh copy, never the cached instance of <see cref="FrameworkStore"/>: editors change it.</summary>
    public FrameworkDefinition? Definition { get; } = definition;

    public int Version => Row?.Version ?? 0;
    public string? NotEditableReason { get; } = FrameworkEditing.NotEditableReason(year, today);
}

public sealed record NotEditableModel(string YearName, string Reason);

/// <summary>
/// What a framework editor shows for a year: its form, or why there is none. A year without a framework has no
/// <see cref="Form"/>; a year whose framework is fixed shows <see cref="NotEditableReason"/> instead of the form.
/// </summary>
public sealed record EditorPage<TForm>(string YearName, TForm? Form, string? NotEditableReason) where TForm : class;

public static class EditorPage
{
    public static EditorPage<TForm> Of<TForm>(EditableFramework target, TForm? form) where TForm : class => new(target.Year.Name, form, target.NotEditableReason);
}

/// <summary>
/// What every change to a framework goes through, whether an editor or an import: the year must still be
/// editable, nobody else may have changed the framework since the form was loaded, and the result must pass
/// <see cref="FrameworkRules"/>. Only then is it stored, with a new version.
/// </summary>
public static class FrameworkEditing
{
    public const string ConflictMessage =
        "Iemand anders heeft het kader intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen. Hieronder ziet u het kader zoals het nu is; breng uw wijzigingen opnieuw aan.";

    public static string? NotEditableReason(SchoolYear year, DateOnly today)
    {
        if (year.IsClosed) return $"Schooljaar {year.Name} is gesloten. Het kader ligt vast en kan niet meer worden gewijzigd of geïmporteerd.";
        if (year.IsFrameworkEditable(today)) return null;
        return $"De scan van {year.Name} is geopend op {DutchCalendar.Format(year.ScanOpensOn!.Value)}. Vanaf dan ligt het kader vast, "
               + "zodat alle scholen dezelfde vragen beantwoorden. Het kader kan niet meer worden gewijzigd of geïmporteerd.";
    }

    public static async Task<EditableFramework?> LoadAsync(AppDbContext db, TimeProvider time, string yearName, CancellationToken cancellationToken)
    {
        if (!SchoolYear.TryParseName(yearName, out var startYear)) return null;
        var year = await db.SchoolYears.AsNoTracking().SingleOrDefaultAsync(y => y.StartYear == startYear, cancellationToken);
        if (year is null) return null;
        var row = await db.ScanFrameworks.SingleOrDefaultAsync(f => f.SchoolYearId == year.Id, cancellationToken);
        var definition = row is null ? null : FrameworkDefinition.FromJson(row.DefinitionJson);
        return new EditableFramework(year, row, definition, DutchCalendar.Today(time));
    }

    /// <summary>
    /// Stores <paramref name="updated"/> as the year's framework. <paramref name="expectedVersion"/> is the version the
    /// form was loaded with; null replaces whatever is there (an import is an explicit replacement).
    /// Refused when the year's framework is fixed, a conflict when someone else saved first, invalid with every
    /// <see cref="FrameworkRules"/> problem at its JSON path (e.g. "domains[3].name"), or done with the new version.
    /// </summary>
    public static async Task<Result> StoreAsync(
        AppDbContext db, EditableFramework target, int? expectedVersion, FrameworkDefinition updated, CancellationToken cancellationToken)
    {
        if (target.NotEditableReason is { } reason) return Result.Refused(reason);
        if (expectedVersion is { } expected && expected != target.Version) return Result.Conflict(ConflictMessage);

        var problems = FrameworkRules.Check(updated);
        if (problems.Count > 0) return Result.Invalid(problems.Select(p => new FieldError(p.Place, p.Problem)));

        if (target.Row is null)
        {
            db.ScanFrameworks.Add(new ScanFramework { SchoolYearId = target.Year.Id, DefinitionJson = updated.ToJson(), Version = 1 });
        }
        else
        {
            target.Row.DefinitionJson = updated.ToJson();
            target.Row.Version++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The version is a concurrency token: someone else saved between our read and our write.
            return Result.Conflict(ConflictMessage);
        }
        catch (DbUpdateException) when (target.Row is null)
        {
            // The one-framework-per-year index: someone else created the first framework of this year meanwhile.
            return Result.Conflict(ConflictMessage);
        }

        return Result.Ok(version: target.Row?.Version ?? 1);
    }
}
