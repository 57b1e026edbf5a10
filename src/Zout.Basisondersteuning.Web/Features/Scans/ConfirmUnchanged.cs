using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>"Ongewijzigd bevestigen": a section whose situation did not change is confirmed with one action.</summary>
public static class ConfirmUnchanged
{
    public enum Outcome { Confirmed, NothingToConfirm, Conflict, ReadOnly }

    public sealed class Handler(AppDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
    {
        public async Task<Outcome> HandleAsync(ScanContext context, SectionDefinition section, int version, CancellationToken cancellationToken)
        {
            if (!context.IsEditable || context.Scan is null) return Outcome.ReadOnly;
            var keys = ScanLayout.ItemKeys(context.Framework, section);
            var sectionRow = await db.ScanSections.SingleAsync(s => s.ScanId == context.Scan.Id && s.Key == section.Key, cancellationToken);
            if (sectionRow.Version != version) return Outcome.Conflict;

            var answers = await db.ScanAnswers.Where(a => a.ScanId == context.Scan.Id && keys.Contains(a.ItemKey)).ToDictionaryAsync(a => a.ItemKey, cancellationToken);
            var carried = answers.Values.Where(a => a.Origin == AnswerOrigin.CarriedOver).ToList();
            if (carried.Count == 0) return Outcome.NothingToConfirm;

            foreach (var answer in carried) answer.Origin = AnswerOrigin.ConfirmedUnchanged;
            var now = time.GetUtcNow();
            var user = httpContextAccessor.HttpContext?.User.Identity?.Name ?? "onbekend";
            sectionRow.Version++;
            sectionRow.ConfirmedUnchanged = true;
            sectionRow.SavedAt = now;
            sectionRow.SavedBy = user;
            sectionRow.State = SectionCompleteness.Evaluate(context.Framework, section, answers, saved: true).IsComplete ? SectionState.Complete : SectionState.InProgress;
            var scan = await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            if (scan.Status == ScanStatus.NotStarted) scan.Status = ScanStatus.Concept;
            db.ScanAuditEntries.Add(new ScanAuditEntry { ScanId = scan.Id, ItemKey = section.Key, Field = "Section", NewValue = "ongewijzigd bevestigd", At = now, By = user });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Conflict;
            }

            return Outcome.Confirmed;
        }
    }
}
