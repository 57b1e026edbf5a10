using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Support;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>
/// Opens the school year after the latest one, with the framework the admin chose: a copy of the latest year's (the
/// default, so the partnership only changes what is new) or one of the templates (<see cref="FrameworkStart"/>); and
/// with the latest year's arrangements and texts about extra support, whatever the framework (<see cref="SupportCarryOver"/>).
/// </summary>
public static class CreateNextYear
{
    public sealed class Input
    {
        /// <summary>The year the button offered; guards against a double click or a stale page.</summary>
        public int StartYear { get; set; }

        /// <summary><see cref="FrameworkStart.Copy"/> or a template's id; null (an older form) copies when there is something to copy.</summary>
        public string? Framework { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.StartYear).InclusiveBetween(2000, 2999).WithMessage("Kies een geldig schooljaar.");
            RuleFor(x => x.Framework).Must(FrameworkStart.IsKnown).WithMessage(FrameworkStart.UnknownChoice);
        }
    }

    /// <summary>The year that was made and, in words, the framework and the extra support it started with.</summary>
    public sealed record Created(string YearName, string Started, string Support);

    /// <summary>"Arrangementen en teksten over extra ondersteuning zijn overgenomen van 2025-2026 (5 arrangementen)."</summary>
    public static string DescribeSupport(string? copiedFrom, int arrangements) => copiedFrom is null
        ? "De teksten over extra ondersteuning en het begin van het SOP staan klaar met de standaardteksten."
        : $"Arrangementen en teksten over extra ondersteuning zijn overgenomen van {copiedFrom} ({arrangements} {(arrangements == 1 ? "arrangement" : "arrangementen")}).";

    public static int NextStartYear(IEnumerable<int> existingStartYears, DateOnly today)
    {
        var latest = existingStartYears.DefaultIfEmpty(0).Max();
        return latest == 0 ? SchoolYear.StartYearOf(today) : latest + 1;
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>Created, refused (the year exists, or is not the next one) or invalid (a copy was asked and there is nothing to copy).</summary>
        public async Task<Result<Created>> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var name = SchoolYear.NameFor(input.StartYear);
            if (await db.SchoolYears.AnyAsync(y => y.StartYear == input.StartYear, cancellationToken)) return AlreadyExists(name);

            var latest = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartYear).FirstOrDefaultAsync(cancellationToken);
            var next = NextStartYear(latest is null ? [] : [latest.StartYear], DutchCalendar.Today(time));
            if (input.StartYear != next) return Result.Refused($"Er is niets aangemaakt: het volgende schooljaar is {SchoolYear.NameFor(next)}. Kies opnieuw.").As<Created>();

            var copy = latest is null
                ? null
                : await db.ScanFrameworks.AsNoTracking().Where(f => f.SchoolYearId == latest.Id).Select(f => f.DefinitionJson).SingleOrDefaultAsync(cancellationToken);
            // A verbatim copy: the new year starts with exactly last year's document. Or a template, as chosen.
            if (FrameworkStart.Json(input.Framework, copy) is not { } json) return Result.Invalid(FrameworkStart.FieldName, FrameworkStart.NothingToCopy).As<Created>();
            var copiedFrom = copy is not null && (input.Framework is null or FrameworkStart.Copy) ? latest!.Name : null;

            var year = SchoolYear.For(input.StartYear);
            // The same window a year later is the likeliest choice; the admin can change it before it opens.
            year.ScanOpensOn = latest?.ScanOpensOn?.AddYears(1);
            year.ScanClosesOn = latest?.ScanClosesOn?.AddYears(1);
            db.SchoolYears.Add(year);
            db.ScanFrameworks.Add(new ScanFramework
            {
                SchoolYear = year,
                DefinitionJson = json,
                Version = 1,
            });
            var arrangements = await SupportCarryOver.AddAsync(db, latest?.Id, year, cancellationToken);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique index on the start year: a second click or another admin was first.
                return AlreadyExists(name);
            }

            logger.LogInformation("School year {Year} created, framework from {From}, {Arrangements} arrangements copied", name,
                copiedFrom ?? $"template {input.Framework ?? "default"}", arrangements);
            return Result.Ok(year.Id).With(new Created(name, FrameworkStart.Describe(input.Framework, copiedFrom), DescribeSupport(latest?.Name, arrangements)));
        }

        private static Result<Created> AlreadyExists(string name) => Result.Refused($"Schooljaar {name} bestaat al; er is niets aangemaakt.").As<Created>();
    }
}
