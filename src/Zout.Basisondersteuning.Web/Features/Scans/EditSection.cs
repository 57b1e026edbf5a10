using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

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

    /// <summary>
    /// Builds the section page. A page that only shows what is stored (<see cref="ShowAsync"/>) keeps what it read in memory
    /// by the version of the school's content (ADR 075): the counter <see cref="ChangeCounter.SchoolContent"/> that every
    /// change of the school's scans, sections and answers raises (<see cref="Data.Interceptors.CacheCounterInterceptor"/>),
    /// so the page schools use most asks two small questions while nothing changed: the counters and this user's draft.
    /// </summary>
    public sealed class Handler(AppDbContext db, ScanContextLoader loader, FrameworkStore frameworks, ChangeStamps stamps, IMemoryCache memory)
    {
        /// <summary>What the page shows of the section as stored: the same for every user of the school.</summary>
        private sealed record Stored(
            int? Version,
            DateTimeOffset? SavedAt,
            string? SavedBy,
            bool ConfirmedUnchanged,
            IReadOnlyDictionary<string, ScanAnswer> Answers,
            IReadOnlyDictionary<string, ScanAnswer> LastYear);

        /// <summary>A scan with its section as stored, kept under the version read before them.</summary>
        private sealed record Kept(Scan Scan, Stored Stored);

        private sealed record Now(int ScanId, long Content, DateTimeOffset? DraftSavedAt, string? DraftJson);

        private sealed record Row(Scan Scan, int? Version, DateTimeOffset? SavedAt, string? SavedBy, bool? ConfirmedUnchanged, int? LastAdoptedId);

        /// <summary>How long an unused section stays in memory.</summary>
        private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The school's scan of the year, the version of the school's content and this user's draft of the section, in one
        /// statement: all that a shown section reads while nothing changed.
        /// </summary>
        private static readonly Func<AppDbContext, int, int, string, string, string?, CancellationToken, Task<Now?>> NowQuery =
            EF.CompileAsyncQuery((AppDbContext db, int schoolId, int yearId, string counter, string sectionKey, string? userId, CancellationToken cancellationToken) =>
                db.Scans
                    .Where(s => s.SchoolId == schoolId && s.SchoolYearId == yearId)
                    .Select(s => new Now(
                        s.Id,
                        db.ChangeCounters.Where(c => c.Name == counter).Select(c => c.Value).FirstOrDefault(),
                        db.ScanDrafts.Where(d => d.ScanId == s.Id && d.SectionKey == sectionKey && d.UserId == userId).Select(d => (DateTimeOffset?)d.SavedAt).FirstOrDefault(),
                        db.ScanDrafts.Where(d => d.ScanId == s.Id && d.SectionKey == sectionKey && d.UserId == userId).Select(d => d.ValuesJson).FirstOrDefault()))
                    .SingleOrDefault());

        /// <summary>
        /// The scan with its section's row and (when the scan did not start from it) last year's adopted scan, as scalar
        /// subqueries, each a lookup by a unique index: a whole row per subquery made EF join a window over every scan's
        /// section (0.6-1.2 s nationally).
        /// </summary>
        private static readonly Func<AppDbContext, int, string, int, int, CancellationToken, Task<Row?>> RowQuery =
            EF.CompileAsyncQuery((AppDbContext db, int scanId, string sectionKey, int schoolId, int startYear, CancellationToken cancellationToken) =>
                db.Scans.AsNoTracking()
                    .Where(s => s.Id == scanId)
                    .Select(s => new Row(
                        s,
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => (int?)x.Version).FirstOrDefault(),
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => x.SavedAt).FirstOrDefault(),
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => x.SavedBy).FirstOrDefault(),
                        db.ScanSections.Where(x => x.ScanId == s.Id && x.Key == sectionKey).Select(x => (bool?)x.ConfirmedUnchanged).FirstOrDefault(),
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

        /// <summary>
        /// The page of a section as stored, with this user's draft offered back; <c>null</c> when the year, the section or
        /// the school's scan does not exist (the caller then takes <see cref="BuildAsync"/>, which may start the scan).
        /// </summary>
        public async Task<Page?> ShowAsync(SchoolAccess access, string yearName, string slug, string? userId, CancellationToken cancellationToken)
        {
            var framework = await frameworks.ForYearAsync(yearName, cancellationToken);
            var section = framework is null ? null : ScanLayout.FindBySlug(framework.Definition, slug);
            if (framework is null || section is null) return null;
            var schoolId = access.SchoolId;
            // The few questions of the page on one connection: EF opens and closes a pooled connection per query otherwise.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var now = await NowQuery(db, schoolId, framework.Year.Id, ChangeCounter.SchoolContent(schoolId), section.Key, userId, cancellationToken);
            if (now is null) return null;
            // The version is read before what it keeps, and the counter is raised no earlier than a change commits: what is
            // kept is never older than its version. The frameworks counter follows the section's items.
            var shared = await stamps.GetAsync(cancellationToken);
            var version = string.Create(CultureInfo.InvariantCulture, $"section:{schoolId}:{framework.Year.Id}:{section.Key}:{shared.Frameworks}:{now.Content}");
            if (!memory.TryGetValue(version, out Kept? kept) || kept is null)
            {
                var row = await RowQuery(db, now.ScanId, section.Key, schoolId, framework.Year.StartYear, cancellationToken);
                if (row is null) return null;
                kept = new Kept(row.Scan, await StoredAsync(row, now.ScanId, ScanLayout.ItemKeys(framework.Definition, section), cancellationToken));
                memory.Set(version, kept, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor });
            }

            var draft = now is { DraftSavedAt: { } draftSavedAt, DraftJson: { } draftJson } ? new ScanDraft { SavedAt = draftSavedAt, ValuesJson = draftJson } : null;
            return Build(loader.Create(access, framework, kept.Scan), section, kept.Stored, draft, pending: null, notice: null);
        }

        /// <summary>Builds the page from what is stored and input the user still has to save (errors, rescued form), or of a scan not started.</summary>
        public async Task<Page> BuildAsync(ScanContext context, SectionDefinition section, SectionInput? pending, string? notice, CancellationToken cancellationToken)
        {
            var keys = ScanLayout.ItemKeys(context.Framework, section);
            Stored stored;
            if (context.Scan is { } scan)
            {
                var row = await RowQuery(db, scan.Id, section.Key, context.SchoolId, context.Year.StartYear, cancellationToken);
                stored = await StoredAsync(row, scan.Id, keys, cancellationToken);
            }
            else
            {
                var lastYearScanId = await db.Scans.AsNoTracking().AdoptedBefore(context.SchoolId, context.Year.StartYear).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken);
                var lastYear = lastYearScanId is { } id ? (await AnswersQuery(db, [id], keys).ToListAsync(cancellationToken)).ToDictionary(a => a.ItemKey) : [];
                stored = new Stored(null, null, null, false, new Dictionary<string, ScanAnswer>(), lastYear);
            }

            return Build(context, section, stored, draft: null, pending, notice);
        }

        private async Task<Stored> StoredAsync(Row? row, int scanId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            var lastYearScanId = row?.LastAdoptedId;
            int[] scanIds = [.. new[] { scanId, lastYearScanId }.OfType<int>()];
            var rows = await AnswersQuery(db, scanIds, keys).ToListAsync(cancellationToken);
            return new Stored(row?.Version, row?.SavedAt, row?.SavedBy, row?.ConfirmedUnchanged ?? false,
                rows.Where(a => a.ScanId == scanId).ToDictionary(a => a.ItemKey),
                rows.Where(a => a.ScanId == lastYearScanId).ToDictionary(a => a.ItemKey));
        }

        private static Page Build(ScanContext context, SectionDefinition section, Stored stored, ScanDraft? draft, SectionInput? pending, string? notice)
        {
            var keys = ScanLayout.ItemKeys(context.Framework, section);
            // A draft this user typed but did not save is offered back, if it is newer than the last save.
            if (pending is null && draft is not null && context.IsEditable && (stored.SavedAt is null || draft.SavedAt > stored.SavedAt))
            {
                pending = JsonSerializer.Deserialize<SectionInput>(draft.ValuesJson);
                notice = $"U ziet uw niet-opgeslagen wijzigingen van {draft.SavedAt.ToDutch():d MMMM HH:mm}. Klik op Opslaan om ze te bewaren, of op Concept weggooien.";
            }

            var answers = stored.Answers;
            var input = new SectionInput
            {
                Version = pending?.Version ?? stored.Version ?? 1,
                Items = keys.Select(k => pending?.Find(k) ?? ItemInput.From(k, answers.GetValueOrDefault(k))).ToList(),
            };
            var check = SectionCompleteness.Evaluate(context.Framework, section, answers, saved: stored.SavedAt is not null || stored.ConfirmedUnchanged);
            var origins = answers.ToDictionary(kv => kv.Key, kv => kv.Value.Origin);
            var canConfirm = context.IsEditable && answers.Values.Any(a => a.Origin == AnswerOrigin.CarriedOver);
            return new Page(context, section, input, stored.LastYear, origins, check, stored.ConfirmedUnchanged, canConfirm, stored.SavedAt, stored.SavedBy, notice);
        }
    }
}
