using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>"Ongewijzigd bevestigen": a section whose situation did not change is confirmed with one action.</summary>
public static class ConfirmUnchanged
{
    public const string ChangedMeanwhile = "Iemand anders heeft deze sectie net opgeslagen. Bekijk de sectie opnieuw voordat u bevestigt.";

    public sealed class Handler(AppDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
    {
        public async Task<Result> HandleAsync(ScanContext context, SectionDefinition section, int version, CancellationToken cancellationToken)
        {
            if (!context.IsEditable || context.Scan is null) return Result.Refused(context.ReadOnlyReason ?? ScanRules.NotEditable);
            var keys = ScanLayout.ItemKeys(context.Framework, section);
            var sectionRow = await db.ScanSections.SingleAsync(s => s.ScanId == context.Scan.Id && s.Key == section.Key, cancellationToken);
            if (sectionRow.Version != version) return Result.Conflict(ChangedMeanwhile);

            var answers = await db.ScanAnswers.Where(a => a.ScanId == context.Scan.Id && keys.Contains(a.ItemKey)).ToDictionaryAsync(a => a.ItemKey, cancellationToken);
            var carried = answers.Values.Where(a => a.Origin == AnswerOrigin.CarriedOver).ToList();
            if (carried.Count == 0) return Result.Refused("Er is in deze sectie niets van vorig jaar meer te bevestigen.");

            foreach (var answer in carried) answer.Origin = AnswerOrigin.ConfirmedUnchanged;
            var now = time.GetUtcNow();
            var user = httpContextAccessor.HttpContext?.User.Identity?.Name ?? "onbekend";
            sectionRow.Version++;
            sectionRow.ConfirmedUnchanged = true;
            sectionRow.SavedAt = now;
            sectionRow.SavedBy = user;
            sectionRow.State = SectionCompleteness.Evaluate(context.Framework, section, answers, saved: true).IsComplete ? SectionState.Complete : SectionState.InProgress;
            var scan = context.Scan;
            if (scan.Status == ScanStatus.NotStarted) scan.Status = ScanStatus.Concept;
            db.ScanAuditEntries.Add(new ScanAuditEntry { ScanId = scan.Id, ItemKey = section.Key, Field = "Section", NewValue = "ongewijzigd bevestigd", At = now, By = user });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(ChangedMeanwhile);
            }

            return Result.Ok(sectionRow.Id, sectionRow.Version);
        }
    }
}
