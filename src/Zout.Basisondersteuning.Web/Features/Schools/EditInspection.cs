using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Features.Structure;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Schools;

/// <summary>
/// The school's basiskwaliteit as the SOP shows it: the inspection's most recent judgement, its date and a link to the
/// report. Filled in by the school or the partnership's admin; two of them never overwrite each other silently.
/// </summary>
public static class EditInspection
{
    public sealed class Input
    {
        public string? Judgement { get; set; }

        /// <summary>yyyy-MM-dd from the date field; text, so a wrong entry comes back as typed.</summary>
        public string? Date { get; set; }

        public string? ReportUrl { get; set; }
        public long Version { get; set; }
    }

    public sealed record Model(SchoolRef School, Input Input, IReadOnlyList<SelectListItem> Judgements);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Judgement).Must(j => string.IsNullOrEmpty(j) || (!int.TryParse(j, out _) && Enum.TryParse<InspectionJudgement>(j, out var v) && Enum.IsDefined(v)))
                .WithMessage("Kies een oordeel uit de lijst.");
            RuleFor(x => x.Date).Cascade(CascadeMode.Stop)
                .NotEmpty().When(x => !string.IsNullOrEmpty(x.Judgement)).WithMessage("Vul de datum van het oordeel in.")
                .Must(d => string.IsNullOrWhiteSpace(d) || ParseDate(d) is not null).WithMessage("Vul een geldige datum in, zoals 14-03-2024.")
                .Must(d => ParseDate(d) is not { } date || date <= DutchCalendar.Today(time)).WithMessage("De datum van het oordeel ligt in de toekomst.")
                .Must(d => ParseDate(d) is not { } date || date.Year >= 1990).WithMessage("Vul een datum in vanaf 1990.");
            RuleFor(x => x.Date).Empty().When(x => string.IsNullOrEmpty(x.Judgement)).WithMessage("Kies ook het oordeel, of maak de datum leeg.");
            RuleFor(x => x.ReportUrl).Cascade(CascadeMode.Stop)
                .MaximumLength(School.InspectionReportUrlMaxLength).WithMessage($"Hoogstens {School.InspectionReportUrlMaxLength} tekens.")
                .Must(u => string.IsNullOrWhiteSpace(u) || (Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                .WithMessage("Vul een volledig webadres in, dat begint met https://.");
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog)
    {
        public static IReadOnlyList<SelectListItem> Judgements() =>
            InspectionTexts.All.Select(j => new SelectListItem(j.ToDutch(), j.ToString())).ToList();

        public async Task<Model?> GetAsync(SchoolAccess access, CancellationToken cancellationToken)
        {
            var input = await db.Schools.AsNoTracking().Where(s => s.Id == access.SchoolId).Select(s => new Input
            {
                Judgement = s.InspectionJudgement == null ? null : s.InspectionJudgement.Value.ToString(),
                Date = s.InspectionDate == null ? null : s.InspectionDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReportUrl = s.InspectionReportUrl,
                Version = s.UpdatedAt.UtcTicks,
            }).SingleOrDefaultAsync(cancellationToken);
            return input is null ? null : new Model(access.School!, input, Judgements());
        }

        /// <summary>Saves; a conflict when the school's data changed in between (by an admin, a colleague or a DUO import).</summary>
        public async Task<Result> SaveAsync(SchoolAccess access, Input input, CancellationToken cancellationToken)
        {
            if (await db.Schools.SingleOrDefaultAsync(s => s.Id == access.SchoolId, cancellationToken) is not { } school) return Result.NotFound();
            if (school.UpdatedAt.UtcTicks != input.Version) return Result.Conflict(StructureForms.ConflictMessage);
            db.Entry(school).Property(s => s.UpdatedAt).OriginalValue = new DateTimeOffset(input.Version, TimeSpan.Zero);

            school.InspectionJudgement = string.IsNullOrEmpty(input.Judgement) ? null : Enum.Parse<InspectionJudgement>(input.Judgement);
            school.InspectionDate = ParseDate(input.Date);
            school.InspectionReportUrl = StructureForms.Clean(input.ReportUrl);
            var described = school.InspectionJudgement is { } j
                ? $"{j.ToDutch()}{(school.InspectionDate is { } d ? $" ({DutchCalendar.Format(d)})" : "")}"
                : "leeggemaakt";
            auditLog.Add(AuditActions.SchoolDataChanged, $"Oordeel van de inspectie van {school.Name}: {described}.", subject: school.LocationCode);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(StructureForms.ConflictMessage);
            }

            return Result.Ok(school.Id);
        }
    }
}
