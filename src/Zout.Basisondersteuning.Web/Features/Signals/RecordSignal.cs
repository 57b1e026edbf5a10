using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Conversations;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Signals;

/// <summary>
/// "Oren en ogen": a consultant records a need they noticed: a theme, where it fits (a domain and aspect), the schools
/// it concerns (those the consultant may see) and a note. Signals feed the Behoeften on the partnership dashboard.
/// </summary>
public static class RecordSignal
{
    private const string YearKey = nameof(YearFramework);

    public sealed class Input
    {
        public string? Date { get; set; }
        public string? Theme { get; set; }
        public string? DomainKey { get; set; }
        public string? AspectKey { get; set; }
        public List<string> Schools { get; set; } = [];
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Date).Custom((text, context) =>
            {
                if (ConversationForm.ParseDate(text) is not { } date) context.AddFailure(string.IsNullOrWhiteSpace(text) ? "Vul de datum in." : "Vul een geldige datum in, bijvoorbeeld 12-11-2026.");
                else if (date > time.Today()) context.AddFailure("De datum kan niet in de toekomst liggen.");
            });
            RuleFor(x => x.Theme).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Geef het thema van het signaal, bijvoorbeeld 'Gedrag in de groepen 1-2'.")
                .Must(t => t!.Trim().Length <= NeedSignal.ThemeMaxLength).WithMessage($"Het thema mag hoogstens {NeedSignal.ThemeMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.DomainKey)
                .Must((_, key, context) => string.IsNullOrEmpty(key) || Year(context)?.Definition.Domains.ByKey(key) is not null)
                .WithMessage("Kies een domein uit de lijst.");
            RuleFor(x => x.AspectKey)
                .Must((_, key, context) => string.IsNullOrEmpty(key) || Year(context)?.Definition.Aspects.ByKey(key) is not null)
                .WithMessage("Kies een aspect uit de lijst.");
            RuleFor(x => x.Schools).Must(s => s.Count > 0).WithMessage("Kies de scholen waar het signaal over gaat.");
            RuleFor(x => x.Note).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Beschrijf wat u ziet of hoort.")
                .Must(n => DevelopmentPointForm.CleanText(n)!.Length <= NeedSignal.NoteMaxLength).WithMessage($"De notitie mag hoogstens {NeedSignal.NoteMaxLength} tekens lang zijn.")
                .NoPupilData(time);
        }

        private static YearFramework? Year(ValidationContext<Input> context) =>
            context.RootContextData.TryGetValue(YearKey, out var value) ? value as YearFramework : null;
    }

    public static Task<ValidationResult> ValidateAsync(this IValidator<Input> validator, Input input, YearFramework? year, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<Input>(input);
        if (year is not null) context.RootContextData[YearKey] = year;
        return validator.ValidateAsync(context, cancellationToken);
    }

    public sealed record SchoolOption(int Id, string Code, string Name, string BoardName);

    public sealed record Model(Input Input, YearFramework? Year, IReadOnlyList<SchoolOption> Schools, IReadOnlyList<string> KnownThemes)
    {
        public IReadOnlyList<SelectListItem> Domains => (Year?.Definition.Domains ?? []).Select(d => new SelectListItem(d.Name, d.Key)).ToList();
        public IReadOnlyList<SelectListItem> Aspects => (Year?.Definition.Aspects ?? []).Select(a => new SelectListItem(a.Name, a.Key)).ToList();
    }

    public sealed class Handler(AppDbContext db, AccessPolicy policy, FrameworkStore frameworks, Scans.ScanContextLoader scans, AuditLog auditLog)
    {
        public async Task<Model> PageAsync(Input input, CancellationToken cancellationToken)
        {
            var yearName = await scans.DefaultYearAsync(cancellationToken);
            var year = yearName is null ? null : await frameworks.ForYearAsync(yearName, cancellationToken);
            var themes = await db.NeedSignals.AsNoTracking().Select(s => s.Theme).Distinct().OrderBy(t => t).Take(200).ToListAsync(cancellationToken);
            return new Model(input, year, await SchoolsAsync(cancellationToken), themes);
        }

        public async Task<List<SchoolOption>> SchoolsAsync(CancellationToken cancellationToken) =>
            await (await policy.InternalSchoolsAsync(cancellationToken)).AsNoTracking()
                .Where(s => s.IsActive)
                .OrderBy(s => s.Board.Name).ThenBy(s => s.Name)
                .Select(s => new SchoolOption(s.Id, s.LocationCode, s.Name, s.Board.Name))
                .ToListAsync(cancellationToken);

        public async Task<Result> CreateAsync(UserScope user, Input input, CancellationToken cancellationToken)
        {
            var codes = input.Schools.Select(Domain.School.NormalizeLocationCode).ToHashSet();
            // Only schools the consultant may see, whatever was posted.
            var schools = await (await policy.InternalSchoolsAsync(cancellationToken)).Where(s => codes.Contains(s.LocationCode)).ToListAsync(cancellationToken);
            if (schools.Count != codes.Count) return Result.Invalid(nameof(Input.Schools), "Kies scholen uit de lijst.");
            var signal = new NeedSignal
            {
                Date = ConversationForm.ParseDate(input.Date)!.Value,
                Theme = input.Theme!.Trim(),
                DomainKey = string.IsNullOrWhiteSpace(input.DomainKey) ? null : input.DomainKey,
                AspectKey = string.IsNullOrWhiteSpace(input.AspectKey) ? null : input.AspectKey,
                Note = DevelopmentPointForm.CleanText(input.Note)!,
                AuthorId = user.UserId,
                AuthorName = user.DisplayName,
                Schools = schools,
            };
            db.NeedSignals.Add(signal);
            auditLog.Add(AuditActions.Signal, $"Signaal '{signal.Theme}' vastgelegd voor {schools.Count} {(schools.Count == 1 ? "school" : "scholen")} ({DutchCalendar.Format(signal.Date)}).",
                subject: string.Join(", ", schools.Select(s => s.LocationCode)));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok(signal.Id);
        }
    }
}
