using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>Sets the scan window of a school year: from the opening day the framework is fixed.</summary>
public static class ScanWindow
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Dates as the browser sends them (type=date), so any input is kept and gets a Dutch message.</summary>
    public sealed class Input
    {
        public string? OpensOn { get; set; }
        public string? ClosesOn { get; set; }
    }

    public sealed record Model(string YearName, string Status, bool IsClosed, Input Input);

    public static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.OpensOn).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Vul de datum in waarop de scan opengaat.")
                .Must(v => TryParse(v, out _)).WithMessage("Vul een geldige datum in, zoals 1-5-2027.");
            RuleFor(x => x.ClosesOn).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Vul de datum in waarop de scan sluit.")
                .Must(v => TryParse(v, out _)).WithMessage("Vul een geldige datum in, zoals 30-6-2027.");
            RuleFor(x => x.ClosesOn)
                .Must((input, closes) => !TryParse(input.OpensOn, out var o) || !TryParse(closes, out var c) || c >= o)
                .WithMessage("De sluitingsdatum moet op of na de openingsdatum liggen.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Model?> GetAsync(string yearName, CancellationToken cancellationToken)
        {
            var year = await FindAsync(yearName, cancellationToken);
            if (year is null) return null;
            return ModelOf(year, new Input
            {
                OpensOn = year.ScanOpensOn?.ToString(DateFormat, CultureInfo.InvariantCulture),
                ClosesOn = year.ScanClosesOn?.ToString(DateFormat, CultureInfo.InvariantCulture),
            });
        }

        /// <summary>The page again with the user's input, after a validation error.</summary>
        public async Task<Model?> WithInputAsync(string yearName, Input input, CancellationToken cancellationToken)
        {
            var year = await FindAsync(yearName, cancellationToken);
            return year is null ? null : ModelOf(year, input);
        }

        /// <summary>Saves a validated window; refused for a closed year, invalid when it would move an opened scan to the future.</summary>
        public async Task<Result> HandleAsync(string yearName, Input input, CancellationToken cancellationToken)
        {
            var year = await FindAsync(yearName, cancellationToken, tracked: true);
            if (year is null) return Result.NotFound();
            if (year.IsClosed) return Result.Refused($"Schooljaar {year.Name} is gesloten; de scanperiode kan niet meer worden gewijzigd.");

            if (!TryParse(input.OpensOn, out var opens) || !TryParse(input.ClosesOn, out var closes))
            {
                throw new ArgumentException("The input was not validated.", nameof(input));
            }

            var today = DutchCalendar.Today(time);
            // Once schools may have started, moving the opening to the future would unlock the framework under their answers.
            if (year.ScanOpensOn is { } current && current <= today && opens > today)
            {
                return Result.Invalid(nameof(Input.OpensOn), $"De scan is al geopend op {DutchCalendar.Format(current)}; de openingsdatum kan niet meer naar de toekomst worden verschoven.");
            }

            year.ScanOpensOn = opens;
            year.ScanClosesOn = closes;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Scan window of {Year} set to {Opens}..{Closes}", year.Name, opens, closes);
            return Result.Ok(year.Id);
        }

        private Model ModelOf(SchoolYear year, Input input) =>
            new(year.Name, SchoolYearList.StatusOf(year, DutchCalendar.Today(time)), year.IsClosed, input);

        private async Task<SchoolYear?> FindAsync(string yearName, CancellationToken cancellationToken, bool tracked = false)
        {
            if (!SchoolYear.TryParseName(yearName, out var startYear)) return null;
            var query = tracked ? db.SchoolYears : db.SchoolYears.AsNoTracking();
            return await query.SingleOrDefaultAsync(y => y.StartYear == startYear, cancellationToken);
        }
    }
}
