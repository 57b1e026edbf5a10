using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Conversations;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Features.Signals;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.JointTrainings;

/// <summary>
/// The admin turns a need into a gezamenlijke scholing: title, date(s), the schools invited (pre-selected: those that
/// share the need). Invited schools' users get a mail and can register interest.
/// </summary>
public static class ProposeJointTraining
{
    public sealed class Input
    {
        public string? Title { get; set; }
        public string? Theme { get; set; }
        public string? DomainKey { get; set; }
        public string? AspectKey { get; set; }
        public string? Description { get; set; }
        public string? Location { get; set; }
        public string? FirstDate { get; set; }
        public string? SecondDate { get; set; }
        public string? ThirdDate { get; set; }
        public List<string> Schools { get; set; } = [];

        /// <summary>The dashboard's region and board when the need came from there: the schools sharing it are those of that selection.</summary>
        public int? Regio { get; set; }
        public int? Bestuur { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Geef de scholing een titel.")
                .Must(t => t!.Trim().Length <= JointTraining.TitleMaxLength).WithMessage($"De titel mag hoogstens {JointTraining.TitleMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.Theme).Cascade(CascadeMode.Stop)
                .Must(t => (t?.Trim().Length ?? 0) <= JointTraining.ThemeMaxLength).WithMessage($"Het thema mag hoogstens {JointTraining.ThemeMaxLength} tekens lang zijn.");
            RuleFor(x => x.Description).Cascade(CascadeMode.Stop)
                .Must(d => (DevelopmentPointForm.CleanText(d)?.Length ?? 0) <= JointTraining.DescriptionMaxLength)
                .WithMessage($"De beschrijving mag hoogstens {JointTraining.DescriptionMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.Location).Must(l => (l?.Trim().Length ?? 0) <= JointTraining.LocationMaxLength)
                .WithMessage($"De locatie mag hoogstens {JointTraining.LocationMaxLength} tekens lang zijn.");
            RuleFor(x => x.FirstDate).Custom((text, context) =>
            {
                if (ConversationForm.ParseDate(text) is not { } date) context.AddFailure(string.IsNullOrWhiteSpace(text) ? "Vul de (eerste) datum in." : "Vul een geldige datum in, bijvoorbeeld 10-2-2027.");
                else if (date < time.Today()) context.AddFailure("Een voorstel voor scholing ligt in de toekomst.");
            });
            RuleFor(x => x.SecondDate).Must((x, d) => Later(x.FirstDate, d)).WithMessage("Vul een geldige datum in na de eerste datum.");
            RuleFor(x => x.ThirdDate).Must((x, d) => Later(x.SecondDate ?? x.FirstDate, d)).WithMessage("Vul een geldige datum in na de vorige datum.");
            RuleFor(x => x.Schools).Must(s => s.Count > 0).WithMessage("Kies de scholen die u uitnodigt.");
        }

        private static bool Later(string? before, string? text) =>
            string.IsNullOrWhiteSpace(text) || (ConversationForm.ParseDate(text) is { } date && (ConversationForm.ParseDate(before) is not { } first || date > first));
    }

    public sealed record SchoolOption(int Id, string Code, string Name, string BoardName, bool SharesNeed);

    public sealed record Model(Input Input, IReadOnlyList<SchoolOption> Schools, string? NeedLabel);

    public sealed class Handler(AppDbContext db, AccessPolicy policy, Needs.Handler needs, FrameworkStore frameworks, Scans.ScanContextLoader scans,
        AuditLog auditLog, Notifier notifier, TimeProvider time)
    {
        /// <summary>The form for a need (domain and aspect, or a theme): the schools that share it are ticked.</summary>
        public async Task<Model> PageAsync(Input input, bool preselect, CancellationToken cancellationToken)
        {
            var scope = await policy.InternalSchoolsAsync(cancellationToken);
            var schools = await scope.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Board.Name).ThenBy(s => s.Name)
                .Select(s => new { s.Id, s.LocationCode, s.Name, Board = s.Board.Name }).ToListAsync(cancellationToken);
            var yearName = await scans.DefaultYearAsync(cancellationToken);
            var year = yearName is null ? null : await frameworks.ForYearAsync(yearName, cancellationToken);
            var key = new Needs.Key(Blank(input.DomainKey), Blank(input.AspectKey), Blank(input.DomainKey) is null && Blank(input.AspectKey) is null ? Blank(input.Theme) : null);
            IReadOnlySet<int> sharing = new HashSet<int>();
            string? label = null;
            if (year is not null && (key.DomainKey ?? key.AspectKey ?? key.Theme) is not null)
            {
                var needScope = scope;
                if (input.Regio is { } region) needScope = needScope.Where(s => s.RegionId == region);
                if (input.Bestuur is { } board) needScope = needScope.Where(s => s.BoardId == board);
                var need = (await needs.ForYearAsync(needScope, year.Year.Id, year.Year.StartYear, cancellationToken)).FirstOrDefault(n => n.Key == key);
                sharing = need?.Schools ?? new HashSet<int>();
                label = key.Label(year.Definition);
                if (preselect)
                {
                    input.Theme ??= label;
                    input.Title ??= $"Gezamenlijke scholing: {label}";
                    input.Schools = [.. schools.Where(s => sharing.Contains(s.Id)).Select(s => s.LocationCode)];
                }
            }

            return new Model(input, schools.Select(s => new SchoolOption(s.Id, s.LocationCode, s.Name, s.Board, sharing.Contains(s.Id))).ToList(), label);
        }

        public async Task<Result> CreateAsync(Input input, CancellationToken cancellationToken)
        {
            var codes = input.Schools.Select(Domain.School.NormalizeLocationCode).ToHashSet();
            var schools = await (await policy.InternalSchoolsAsync(cancellationToken)).AsNoTracking().Where(s => codes.Contains(s.LocationCode) && s.IsActive)
                .Select(s => new { s.Id, s.LocationCode, s.Name }).ToListAsync(cancellationToken);
            if (schools.Count != codes.Count) return Result.Invalid(nameof(Input.Schools), "Kies scholen uit de lijst.");
            var recipients = new Dictionary<int, List<string>>();
            foreach (var school in schools) recipients[school.Id] = await notifier.SchoolUsersAsync(school.Id, cancellationToken);

            var training = await db.InTransactionAsync(async ct =>
            {
                var training = new JointTraining
                {
                    Title = input.Title!.Trim(),
                    Theme = Blank(input.Theme) ?? input.Title!.Trim(),
                    DomainKey = Blank(input.DomainKey),
                    AspectKey = Blank(input.AspectKey),
                    Description = DevelopmentPointForm.CleanText(input.Description),
                    Location = Blank(input.Location),
                    FirstDate = ConversationForm.ParseDate(input.FirstDate)!.Value,
                    SecondDate = ConversationForm.ParseDate(input.SecondDate),
                    ThirdDate = ConversationForm.ParseDate(input.ThirdDate),
                };
                var now = time.GetUtcNow();
                foreach (var school in schools) training.Invitations.Add(new JointTrainingInvitation { SchoolId = school.Id, InvitedAt = now, Version = 1 });
                db.JointTrainings.Add(training);
                auditLog.Add(AuditActions.JointTraining, $"Gezamenlijke scholing '{training.Title}' voorgesteld op {DutchCalendar.Format(training.FirstDate)}; {schools.Count} scholen uitgenodigd.",
                    subject: training.Title);
                await db.SaveChangesAsync(ct);
                foreach (var school in schools)
                {
                    await notifier.QueueAsync(recipients[school.Id], new NotificationMessage(
                        $"Uitnodiging: {training.Title}",
                        $"Het samenwerkingsverband nodigt {school.Name} uit voor de gezamenlijke scholing '{training.Title}' op {string.Join(", ", training.Dates.Select(d => DutchCalendar.Format(d)))}. Meld in de portal of u belangstelling heeft.",
                        $"/school/{school.LocationCode}/scholing", school.Id), ct);
                }

                await db.SaveChangesAsync(ct);
                return training;
            }, cancellationToken);
            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(training.Id);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
