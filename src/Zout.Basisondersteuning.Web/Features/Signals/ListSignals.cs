using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Features.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Signals;

/// <summary>The signals of the schools the user may see, newest first; a signal shows only the schools the user may see.</summary>
public static class ListSignals
{
    public sealed class Model : IReportPage
    {
        public required ReportTable Signals { get; init; }
        public IEnumerable<ReportTable> Tables => [Signals];
        public string FileName => "signalen";
    }

    public sealed class Handler(AppDbContext db, AccessPolicy policy, FrameworkStore frameworks, Scans.ScanContextLoader scans)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken)
        {
            var visible = await policy.InternalSchoolsAsync(cancellationToken);
            var rows = await db.NeedSignals.AsNoTracking()
                .Where(s => s.Schools.Any(x => visible.Any(v => v.Id == x.Id)))
                .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
                .Select(s => new
                {
                    s.Id,
                    s.Date,
                    s.Theme,
                    s.DomainKey,
                    s.AspectKey,
                    s.Note,
                    s.AuthorName,
                    Schools = s.Schools.Where(x => visible.Any(v => v.Id == x.Id)).OrderBy(x => x.Name).Select(x => x.Name).ToList(),
                })
                .ToListAsync(cancellationToken);
            var yearName = await scans.DefaultYearAsync(cancellationToken);
            var framework = yearName is null ? null : (await frameworks.ForYearAsync(yearName, cancellationToken))?.Definition;
            var table = new ReportTable("signalen", "Signalen van Team Basisondersteuning")
            {
                Headers = ["Datum", "Thema", "Domein en aspect", "Scholen", "Signaal", "Door"],
                EmptyText = "Er zijn nog geen signalen vastgelegd.",
            };
            foreach (var s in rows)
            {
                table.Add(DutchCalendar.Format(s.Date), s.Theme, SupportRequests.SupportRequestDetails.Handler.TopicText(framework, s.DomainKey, s.AspectKey, null, null) ?? "–",
                    string.Join(", ", s.Schools), s.Note, s.AuthorName);
            }

            return new Model { Signals = table };
        }
    }
}
