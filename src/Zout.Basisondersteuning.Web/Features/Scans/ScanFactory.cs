using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>
/// Starts a school's scan for a year, filled with the school's last adopted scan where the framework
/// still has the item, so a school only changes and adds.
/// </summary>
public sealed class ScanFactory(AppDbContext db)
{
    public async Task<Scan> StartAsync(int schoolId, SchoolYear year, FrameworkDefinition framework, CancellationToken cancellationToken)
    {
        var previous = await db.Scans.AsNoTracking()
            .AdoptedBefore(schoolId, year.StartYear)
            .Select(s => new { s.Id })
            .FirstOrDefaultAsync(cancellationToken);

        var scan = new Scan { SchoolId = schoolId, SchoolYearId = year.Id, Status = ScanStatus.NotStarted, CarriedOverFromScanId = previous?.Id };
        if (previous is not null)
        {
            var keys = ScanLayout.AllItemKeys(framework);
            var answers = await db.ScanAnswers.AsNoTracking().Where(a => a.ScanId == previous.Id).ToListAsync(cancellationToken);
            scan.Answers = answers
                .Where(a => keys.Contains(a.ItemKey))
                .Select(a => new ScanAnswer
                {
                    ItemKey = a.ItemKey,
                    Level = a.Level,
                    TargetLevel = a.TargetLevel,
                    Text = a.Text,
                    Number = a.Number,
                    Checked = a.Checked,
                    Origin = AnswerOrigin.CarriedOver,
                })
                .ToList();
        }

        scan.Sections = ScanLayout.Sections(framework)
            .Select(s => new ScanSection { Key = s.Key, State = SectionState.NotStarted, Version = 1 })
            .ToList();
        db.Scans.Add(scan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people of the school opened the scan at the same moment: use the one that was stored first.
            db.Entry(scan).State = EntityState.Detached;
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            return await db.Scans.SingleAsync(s => s.SchoolId == schoolId && s.SchoolYearId == year.Id, cancellationToken);
        }

        return scan;
    }
}
