using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Domain.Team;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Features.DevelopmentPoints;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Notifications;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
using Zout.Basisondersteuning.Web.Infrastructure.Validation;

namespace Zout.Basisondersteuning.Web.Features.Connections;

/// <summary>
/// The verbinder, from a request or a development point of a school: the expertise finder's schools that are strong in
/// that domain and aspect (level 4) or offer the item, and a proposal to one of them. The other school's users get a
/// mail and accept or decline.
/// </summary>
public static class ProposeConnection
{
    /// <summary>What the connection is about and where it came from.</summary>
    public sealed record Topic(string? DomainKey, string? AspectKey, string? OfferingItemKey, string Text, int? RequestId, int? PointId, string? RequesterContact);

    public sealed class Input
    {
        public int? Vraag { get; set; }
        public int? Ontwikkelpunt { get; set; }
        public string? Domein { get; set; }
        public string? Aspect { get; set; }
        public string? Aanbod { get; set; }
        public string? School { get; set; }
        public string? Message { get; set; }
        public string? RequesterContact { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.School).NotEmpty().WithMessage("Kies de school waarmee u wilt verbinden.");
            RuleFor(x => x.Message).Cascade(CascadeMode.Stop)
                .Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Schrijf een kort bericht aan de andere school: wat vraagt de school, waarom juist zij?")
                .Must(m => DevelopmentPointForm.CleanText(m)!.Length <= SchoolConnection.MessageMaxLength)
                .WithMessage($"Het bericht mag hoogstens {SchoolConnection.MessageMaxLength} tekens lang zijn.")
                .NoPupilData(time);
            RuleFor(x => x.RequesterContact).Cascade(CascadeMode.Stop)
                .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Vul in wie de andere school kan benaderen, met e-mailadres of telefoonnummer.")
                .Must(c => DevelopmentPointForm.CleanText(c)!.Length <= SchoolConnection.ContactMaxLength)
                .WithMessage($"Dit veld mag hoogstens {SchoolConnection.ContactMaxLength} tekens lang zijn.")
                .NoPupilData(time);
        }
    }

    public sealed record Candidate(string Code, string Name, string Region, string Board, string Strengths);

    public sealed record Model(string SchoolCode, string SchoolName, Topic? Topic, Input Input, IReadOnlyList<Candidate> Candidates, IReadOnlyList<string> AlreadyProposed);

    public sealed class Handler(AppDbContext db, ExpertiseFinder.Handler finder, FrameworkStore frameworks, Scans.ScanContextLoader scans, AuditLog auditLog, Notifier notifier, TimeProvider time)
    {
        /// <summary>The topic of a request or a development point of this school, or of a domain, aspect or item named in the address.</summary>
        public async Task<Topic?> TopicAsync(SchoolAccess school, Input input, CancellationToken cancellationToken)
        {
            var yearName = await scans.DefaultYearAsync(cancellationToken);
            var framework = yearName is null ? null : (await frameworks.ForYearAsync(yearName, cancellationToken))?.Definition;
            string? Name(string? domain, string? aspect, string? item) => SupportRequests.SupportRequestDetails.Handler.TopicText(framework, domain, aspect, item, null);
            if (input.Vraag is { } requestId)
            {
                var request = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId && r.SchoolId == school.SchoolId)
                    .Select(r => new { r.DomainKey, r.AspectKey, r.OfferingItemKey, r.AskedByName, r.Subject }).SingleOrDefaultAsync(cancellationToken);
                if (request is null) return null;
                var contact = await ContactAsync(school.SchoolId, request.AskedByName, cancellationToken);
                return new Topic(request.DomainKey, request.AspectKey, request.OfferingItemKey, Name(request.DomainKey, request.AspectKey, request.OfferingItemKey) ?? request.Subject,
                    requestId, null, contact);
            }

            if (input.Ontwikkelpunt is { } pointId)
            {
                var point = await db.DevelopmentPoints.AsNoTracking().Where(p => p.Id == pointId && p.SchoolId == school.SchoolId)
                    .Select(p => new { p.DomainKey, p.AspectKey, p.Owner }).SingleOrDefaultAsync(cancellationToken);
                if (point is null) return null;
                return new Topic(point.DomainKey, point.AspectKey, null, Name(point.DomainKey, point.AspectKey, null)!, null, pointId,
                    await ContactAsync(school.SchoolId, null, cancellationToken));
            }

            var text = Name(Blank(input.Domein), Blank(input.Aspect), Blank(input.Aanbod));
            return text is null ? null : new Topic(Blank(input.Domein), Blank(input.Aspect), Blank(input.Aanbod), text, null, null, await ContactAsync(school.SchoolId, null, cancellationToken));
        }

        public async Task<Model> PageAsync(SchoolAccess school, Input input, Topic? topic, CancellationToken cancellationToken)
        {
            IReadOnlyList<Candidate> candidates = [];
            if (topic is not null)
            {
                var matches = await finder.MatchesAsync(topic.OfferingItemKey, topic.DomainKey, topic.AspectKey, school.SchoolId, cancellationToken);
                candidates = matches.Select(m => new Candidate(m.School.Code, m.School.Name, m.School.RegionName ?? "–", m.School.BoardName, string.Join("; ", m.Strengths))).ToList();
            }

            var already = await db.SchoolConnections.AsNoTracking()
                .Where(c => c.RequestingSchoolId == school.SchoolId && c.Status != ConnectionStatus.Declined)
                .Select(c => c.OfferingSchool.LocationCode).ToListAsync(cancellationToken);
            input.RequesterContact ??= topic?.RequesterContact;
            return new Model(school.LocationCode, school.School!.Name, topic, input, candidates, already);
        }

        public async Task<Result> ProposeAsync(SchoolAccess school, UserScope user, Topic topic, Input input, IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
        {
            var code = Domain.School.NormalizeLocationCode(input.School!);
            if (candidates.All(c => c.Code != code)) return Result.Invalid(nameof(Input.School), "Kies een van de gevonden scholen.");
            var other = await db.Schools.AsNoTracking().Where(s => s.LocationCode == code).Select(s => new { s.Id, s.Name }).SingleAsync(cancellationToken);
            var recipients = await notifier.SchoolUsersAsync(other.Id, cancellationToken);
            var connection = await db.InTransactionAsync(async ct =>
            {
                var connection = new SchoolConnection
                {
                    RequestingSchoolId = school.SchoolId,
                    OfferingSchoolId = other.Id,
                    DomainKey = topic.DomainKey,
                    AspectKey = topic.AspectKey,
                    OfferingItemKey = topic.OfferingItemKey,
                    Topic = topic.Text.Length <= SchoolConnection.TopicMaxLength ? topic.Text : topic.Text[..SchoolConnection.TopicMaxLength],
                    SupportRequestId = topic.RequestId,
                    DevelopmentPointId = topic.PointId,
                    Message = DevelopmentPointForm.CleanText(input.Message)!,
                    RequesterContact = DevelopmentPointForm.CleanText(input.RequesterContact)!,
                    Status = ConnectionStatus.Proposed,
                    ProposedByName = user.DisplayName,
                    ProposedAt = time.GetUtcNow(),
                    Version = 1,
                };
                db.SchoolConnections.Add(connection);
                auditLog.Add(AuditActions.Connection, $"Verbinding voorgesteld tussen {school.School!.Name} en {other.Name}: {connection.Topic}.", subject: school.LocationCode);
                await db.SaveChangesAsync(ct);
                // The other school reads the proposal on its own connection page; the mail names the schools and the topic only.
                await notifier.QueueAsync(recipients, new NotificationMessage(
                    $"Leren van elkaar: {school.School.Name} wil graag van u leren",
                    $"{user.DisplayName} van Team Basisondersteuning stelt een verbinding voor tussen {other.Name} en {school.School.Name} over: {connection.Topic}. U kunt het voorstel accepteren of afwijzen.",
                    $"/school/{code}/verbindingen/{connection.Id}", other.Id), ct);
                await db.SaveChangesAsync(ct);
                return connection;
            }, cancellationToken);
            await notifier.DeliverAsync(cancellationToken);
            return Result.Ok(connection.Id);
        }

        /// <summary>Who the other school can contact: the person who asked (a user of the school) or the school's directeur, with e-mail and the school's phone.</summary>
        private async Task<string?> ContactAsync(int schoolId, string? name, CancellationToken cancellationToken)
        {
            var users = await db.Users.AsNoTracking().Where(u => u.SchoolId == schoolId && u.IsActive)
                .OrderByDescending(u => u.DisplayName == name).ThenByDescending(u => u.IsDirector)
                .Select(u => new { u.DisplayName, u.Email, Phone = u.School!.Phone }).FirstOrDefaultAsync(cancellationToken);
            return users is null ? null : $"{users.DisplayName}, {users.Email}{(users.Phone is null ? "" : $", {users.Phone}")}";
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
