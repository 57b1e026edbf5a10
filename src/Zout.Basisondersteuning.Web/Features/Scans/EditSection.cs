using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>The page of one section: the form (or its read-only view) with last year's values beside it.</summary>
public static class EditSection
{
    public sealed record Page(
        ScanContext Context,
        SectionDefinition Section,
        SectionInput Input,
        IReadOnlyDictionary<string, ScanAnswer> LastYear,
        IReadOnlyDictionary<string, AnswerOrigin> Origins,
        SectionCheck Check,
        bool ConfirmedUnchanged,
        bool CanConfirmUnchanged,
        DateTimeOffset? SavedAt,
        string? SavedBy,
        string? Notice)
    {
        public bool IsReadOnly => !Context.IsEditable;
        public string Path => $"{Context.BasePath}/sectie/{Section.Slug}";
        public ItemInput Item(string key) => Input.Find(key) ?? new ItemInput { Key = key };
        public int IndexOf(string key) => Input.Items.FindIndex(i => i.Key == key);
        public ScanAnswer? LastYearOf(string key) => LastYear.GetValueOrDefault(key);
        public AnswerOrigin? OriginOf(string key) => Origins.TryGetValue(key, out var origin) ? origin : null;
    }

    public sealed class Handler(AppDbContext db)
    {
        private sealed record Around(int? Version, DateTimeOffset? SavedAt, string? SavedBy, bool? ConfirmedUnchanged, DateTimeOffset? DraftSavedAt, string? DraftJson, int? LastAdoptedId);

        /// <summary>
        /// The section's row, this user's draft and (when the scan did not start from it) last year's adopted scan, as
        /// scalar subqueries, each a lookup by a unique index: a whole row per subquery made EF join a window over every
        /// scan's section (0.6-1.2 s nationally).
        /// </summary>
        private static readonly Func<AppDbContext, int, string, string?, int, int, CancellationToken, Task<Around?>> AroundQuery =
            EF.CompileAsyncQuery((AppDbContext db, int scanId, string sectionKey, string? userId, int schoolId, int startYear, CancellationToken cancellationToken) =>
                db.Scans.AsNoTracking()
                    .Where(s => s.Id == scanId)
                    .Select(s => new Around(
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => (int?)x.Version).FirstOrDefault(),
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => x.SavedAt).FirstOrDefault(),
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => x.SavedBy).FirstOrDefault(),
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => (bool?)x.ConfirmedUnchanged).FirstOrDefault(),
                        db.ScanDrafts.Where(d => d.ScanId == s.Id && d.SectionKey == sectionKey && d.UserId == userId).Select(d => (DateTimeOffset?)d.SavedAt).FirstOrDefault(),
                        db.ScanDrafts.Where(d => d.ScanId == s.Id && d.SectionKey == sectionKey && d.UserId == userId).Select(d => d.ValuesJson).FirstOrDefault(),
                        // ScanQueries.AdoptedBefore, written out: a compiled query cannot call it with its parameters.
                        s.CarriedOverFromScanId ?? db.Scans
                            .Where(x => x.SchoolId == schoolId && x.Status == ScanStatus.Adopted && x.SchoolYear.StartYear < startYear)
                            .OrderByDescending(x => x.SchoolYear.StartYear)
                            .Select(x => (int?)x.Id)
                            .FirstOrDefault()))
                    .SingleOrDefault());

        /// <summary>
        /// The answers of one section in this year's and last year's scan. The ids as a list of values (SQL "IN"), so the
        /// index on ScanId is used: "= @a OR = @b" with a parameter that may be null made SQLite read the whole answer
        /// table (1.4 million rows nationally).
        /// </summary>
        private static readonly Func<AppDbContext, int[], IReadOnlyList<string>, IAsyncEnumerable<ScanAnswer>> AnswersQuery =
            EF.CompileAsyncQuery((AppDbContext db, int[] scanIds, IReadOnlyList<string> keys) =>
                db.ScanAnswers.AsNoTracking().Where(a => scanIds.Contains(a.ScanId) && keys.Contains(a.ItemKey)));

        /// <summary>Builds the page from what is stored, or from input the user still has to save (errors, draft, rescued form).</summary>
        public async Task<Page> BuildAsync(ScanContext context, SectionDefinition section, SectionInput? pending, string? notice, string? userId, CancellationToken cancellationToken)
        {
            var keys = ScanLayout.ItemKeys(context.Framework, section);
            var scanId = context.Scan?.Id;
            var schoolId = context.SchoolId;
            var startYear = context.Year.StartYear;
            // One query for the section's row, this user's draft and (when the scan did not start from it) last year's
            // adopted scan; one for the answers of both scans. Both compiled once (issue 15: translating them again on
            // every request was a quarter of the page's time).
            var around = scanId is null ? null : await AroundQuery(db, scanId.Value, section.Key, userId, schoolId, startYear, cancellationToken);
            var sectionRow = around is { Version: { } version }
                ? new ScanSection { Version = version, SavedAt = around.SavedAt, SavedBy = around.SavedBy, ConfirmedUnchanged = around.ConfirmedUnchanged ?? false }
                : null;
            var draft = around is { DraftSavedAt: { } draftSavedAt, DraftJson: { } draftJson } ? new ScanDraft { SavedAt = draftSavedAt, ValuesJson = draftJson } : null;
            var lastYearScanId = scanId is null
                ? await db.Scans.AsNoTracking().AdoptedBefore(schoolId, startYear).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken)
                : around?.LastAdoptedId;
            int[] scanIds = [.. new[] { scanId, lastYearScanId }.OfType<int>()];
            var rows = scanIds.Length == 0 ? [] : await AnswersQuery(db, scanIds, keys).ToListAsync(cancellationToken);

            var stored = rows.Where(a => a.ScanId == scanId).ToDictionary(a => a.ItemKey);
            var lastYear = rows.Where(a => a.ScanId == lastYearScanId).ToDictionary(a => a.ItemKey);

            // A draft this user typed but did not save is offered back, if it is newer than the last save.
            if (pending is null && draft is not null && context.IsEditable && (sectionRow?.SavedAt is null || draft.SavedAt > sectionRow.SavedAt))
            {
                pending = JsonSerializer.Deserialize<SectionInput>(draft.ValuesJson);
                notice = $"U ziet uw niet-opgeslagen wijzigingen van {draft.SavedAt.ToDutch():d MMMM HH:mm}. Klik op Opslaan om ze te bewaren, of op Concept weggooien.";
            }

            var input = new SectionInput
            {
                Version = pending?.Version ?? sectionRow?.Version ?? 1,
                Items = keys.Select(k => pending?.Find(k) ?? ItemInput.From(k, stored.GetValueOrDefault(k))).ToList(),
            };
            var check = SectionCompleteness.Evaluate(context.Framework, section, stored, saved: sectionRow?.SavedAt is not null || sectionRow?.ConfirmedUnchanged == true);
            var origins = stored.ToDictionary(kv => kv.Key, kv => kv.Value.Origin);
            var canConfirm = context.IsEditable && stored.Values.Any(a => a.Origin == AnswerOrigin.CarriedOver);
            return new Page(context, section, input, lastYear, origins, check, sectionRow?.ConfirmedUnchanged ?? false, canConfirm,
                sectionRow?.SavedAt, sectionRow?.SavedBy, notice);
        }
    }
}
