using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>
/// Saves one section as a whole: validated, never over someone else's newer save (optimistic
/// concurrency on the section's version), every changed value written to the audit trail.
/// </summary>
public static class SaveSection
{
    /// <summary>Field-by-field differences between what the user posted and what someone else stored meanwhile.</summary>
    public sealed record Conflict(int StoredVersion, string? SavedBy, DateTimeOffset? SavedAt, SectionInput Mine, SectionInput Stored, IReadOnlyList<ConflictField> Fields);

    public sealed record ConflictField(int Index, string ItemKey, string Label, string Field, string? Mine, string? Stored);

    public sealed class Handler(AppDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
    {
        /// <summary>The section's row (tracked: the save raises its version), compiled once (issue 15).</summary>
        private static readonly Func<AppDbContext, int, string, CancellationToken, Task<ScanSection?>> SectionQuery =
            EF.CompileAsyncQuery((AppDbContext db, int scanId, string key, CancellationToken cancellationToken) =>
                db.ScanSections.SingleOrDefault(s => s.ScanId == scanId && s.Key == key));

        /// <summary>
        /// The section's answers of this scan and last year's (tracked), compiled once. A list of ids (SQL "IN") keeps the
        /// index on ScanId in use; "= @a OR = @b" with a nullable parameter did not.
        /// </summary>
        private static readonly Func<AppDbContext, int[], IReadOnlyList<string>, IAsyncEnumerable<ScanAnswer>> AnswersQuery =
            EF.CompileAsyncQuery((AppDbContext db, int[] scanIds, IReadOnlyList<string> keys) =>
                db.ScanAnswers.Where(a => scanIds.Contains(a.ScanId) && keys.Contains(a.ItemKey)));

        /// <summary>
        /// Removes this user's draft of the section, compiled once: translating the statement again on every save was
        /// about a third of the save's write transaction (issue 15).
        /// </summary>
        private static readonly Func<AppDbContext, int, string, string?, Task<int>> DeleteDraft =
            EF.CompileAsyncQuery((AppDbContext db, int scanId, string sectionKey, string? userId) =>
                db.ScanDrafts.Where(d => d.ScanId == scanId && d.SectionKey == sectionKey && d.UserId == userId).ExecuteDelete());

        /// <summary>One validator per section of a framework version: the definitions are kept per version (<see cref="FrameworkStore"/>).</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FrameworkDefinition, System.Collections.Concurrent.ConcurrentDictionary<string, SectionValidator>> Validators = [];

        /// <summary>Saved, invalid (errors per field of the input), a conflict (with the differences as the value) or refused (read-only).</summary>
        public async Task<Result<Conflict>> HandleAsync(ScanContext context, SectionDefinition section, SectionInput input, CancellationToken cancellationToken)
        {
            if (!context.IsEditable || context.Scan is null) return Result.Refused(context.ReadOnlyReason ?? ScanRules.NotEditable).As<Conflict>();

            var keys = ScanLayout.ItemKeys(context.Framework, section);
            input.Items = keys.Select(k => input.Find(k) ?? new ItemInput { Key = k }).ToList();
            Normalize(context.Framework, section, input);

            var scan = context.Scan;
            var sectionRow = await SectionQuery(db, scan.Id, section.Key, cancellationToken);
            if (sectionRow is null)
            {
                sectionRow = new ScanSection { ScanId = scan.Id, Key = section.Key, Version = 1 };
                db.ScanSections.Add(sectionRow);
            }

            // This scan's answers and last year's (which the origin of each answer is compared with) in one query.
            var previousId = scan.CarriedOverFromScanId;
            int[] scanIds = previousId is { } lastYearId ? [scan.Id, lastYearId] : [scan.Id];
            var rows = await AnswersQuery(db, scanIds, keys).ToListAsync(cancellationToken);
            var answers = rows.Where(a => a.ScanId == scan.Id).ToDictionary(a => a.ItemKey);
            var lastYear = rows.Where(a => a.ScanId == previousId).ToDictionary(a => a.ItemKey);
            // Last year's answers are only compared with: untracked, the save does not compare them with their snapshots.
            foreach (var previous in lastYear.Values) db.Entry(previous).State = EntityState.Detached;
            if (input.Version != sectionRow.Version)
            {
                return Conflicted(BuildConflict(context.Framework, sectionRow, input, answers));
            }

            var framework = context.Framework;
            var validator = Validators.GetValue(framework, _ => new(StringComparer.Ordinal)).GetOrAdd(section.Key, _ => new SectionValidator(framework, section));
            var validation = await validator.ValidateAsync(input, cancellationToken);
            if (!validation.IsValid) return Result.Invalid(validation).As<Conflict>();

            var now = time.GetUtcNow();
            var user = httpContextAccessor.HttpContext?.User.Identity?.Name ?? "onbekend";

            foreach (var item in input.Items)
            {
                if (!answers.TryGetValue(item.Key, out var answer))
                {
                    if (IsEmpty(item)) continue;
                    answer = new ScanAnswer { ScanId = scan.Id, ItemKey = item.Key, Origin = AnswerOrigin.New };
                    db.ScanAnswers.Add(answer);
                    answers[item.Key] = answer;
                }

                Audit(scan.Id, item.Key, nameof(ScanAnswer.Level), Text(answer.Level), Text(item.Level), now, user);
                Audit(scan.Id, item.Key, nameof(ScanAnswer.TargetLevel), Text(answer.TargetLevel), Text(item.TargetLevel), now, user);
                Audit(scan.Id, item.Key, nameof(ScanAnswer.Text), answer.Text, item.Text, now, user);
                Audit(scan.Id, item.Key, nameof(ScanAnswer.Number), DutchNumber.Format(answer.Number), DutchNumber.Format(item.ParsedNumber), now, user);
                Audit(scan.Id, item.Key, nameof(ScanAnswer.Checked), answer.Checked ? "ja" : "nee", item.Checked ? "ja" : "nee", now, user);

                answer.Level = item.Level;
                answer.TargetLevel = item.TargetLevel;
                answer.Text = item.Text;
                answer.Number = item.ParsedNumber;
                answer.Checked = item.Checked;
                if (answer.Origin != AnswerOrigin.New)
                {
                    answer.Origin = lastYear.TryGetValue(item.Key, out var previous) && SameValues(previous, answer)
                        ? AnswerOrigin.ConfirmedUnchanged
                        : AnswerOrigin.Changed;
                }
            }

            sectionRow.Version++;
            sectionRow.SavedAt = now;
            sectionRow.SavedBy = user;
            sectionRow.ConfirmedUnchanged = false;
            sectionRow.State = SectionCompleteness.Evaluate(context.Framework, section, answers, saved: true).IsComplete ? SectionState.Complete : SectionState.InProgress;
            if (scan.Status == ScanStatus.NotStarted) scan.Status = ScanStatus.Concept;

            // The answers, their audit entries, the scan's summary (rebuilt by ScanSummaryInterceptor inside this
            // transaction) and the removal of this user's draft: one write transaction, so one turn at SQLite's
            // write lock per save instead of three (under eight concurrent savers the waits for the lock were most of
            // a save's time, issue 15). Run by the execution strategy, as ADR 007 requires.
            var userId = httpContextAccessor.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            var sectionKey = section.Key;
            bool saved;
            try
            {
                saved = await db.InTransactionAsync(async ct =>
                {
                    await db.SaveChangesAsync(ct);
                    await DeleteDraft(db, scan.Id, sectionKey, userId);
                    return true;
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                saved = false;
            }

            if (!saved)
            {
                // Someone saved between our read and our write: show them what changed, store nothing.
                db.ChangeTracker.Clear();
                var fresh = await db.ScanSections.AsNoTracking().SingleAsync(s => s.ScanId == scan.Id && s.Key == section.Key, cancellationToken);
                var freshAnswers = await db.ScanAnswers.AsNoTracking().Where(a => a.ScanId == scan.Id && keys.Contains(a.ItemKey)).ToDictionaryAsync(a => a.ItemKey, cancellationToken);
                return Conflicted(BuildConflict(context.Framework, fresh, input, freshAnswers));
            }

            return Result.Ok(sectionRow.Id, sectionRow.Version).As<Conflict>();
        }

        private static Result<Conflict> Conflicted(Conflict conflict) =>
            Result.Conflict("Iemand anders heeft dit onderdeel intussen opgeslagen.").With(conflict);

        private void Audit(int scanId, string itemKey, string field, string? oldValue, string? newValue, DateTimeOffset at, string by)
        {
            if (string.Equals(Blank(oldValue), Blank(newValue), StringComparison.Ordinal)) return;
            if (field == nameof(ScanAnswer.Checked) && oldValue is null) return;
            db.ScanAuditEntries.Add(new ScanAuditEntry { ScanId = scanId, ItemKey = itemKey, Field = field, OldValue = Blank(oldValue), NewValue = Blank(newValue), At = at, By = by });
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        private static bool IsEmpty(ItemInput item) =>
            item.Level is null && item.TargetLevel is null && string.IsNullOrWhiteSpace(item.Text) && item.ParsedNumber is null && !item.Checked;

        private static bool SameValues(ScanAnswer a, ScanAnswer b) =>
            a.Level == b.Level && a.TargetLevel == b.TargetLevel && Blank(a.Text) == Blank(b.Text) && a.Number == b.Number && a.Checked == b.Checked;

        private static Conflict BuildConflict(FrameworkDefinition framework, ScanSection stored, SectionInput mine, IReadOnlyDictionary<string, ScanAnswer> answers)
        {
            var storedInput = new SectionInput
            {
                Version = stored.Version,
                Items = mine.Items.Select(i => ItemInput.From(i.Key, answers.GetValueOrDefault(i.Key))).ToList(),
            };
            var fields = new List<ConflictField>();
            for (var index = 0; index < mine.Items.Count; index++)
            {
                var m = mine.Items[index];
                var s = storedInput.Items[index];
                var label = ScanLabels.Item(framework, m.Key);
                void Compare(string field, string? a, string? b)
                {
                    if (!string.Equals(Blank(a), Blank(b), StringComparison.Ordinal)) fields.Add(new ConflictField(index, m.Key, label, field, Blank(a), Blank(b)));
                }

                Compare(nameof(ItemInput.Level), Text(m.Level), Text(s.Level));
                Compare(nameof(ItemInput.TargetLevel), Text(m.TargetLevel), Text(s.TargetLevel));
                Compare(nameof(ItemInput.Text), m.Text, s.Text);
                Compare(nameof(ItemInput.Number), DutchNumber.Format(m.ParsedNumber), DutchNumber.Format(s.ParsedNumber));
                Compare(nameof(ItemInput.Checked), m.Checked ? "true" : "false", s.Checked ? "true" : "false");
            }

            return new Conflict(stored.Version, stored.SavedBy, stored.SavedAt, mine, storedInput, fields);
        }

        /// <summary>Fields that do not belong to an item are cleared, so a crafted post cannot store them.</summary>
        private static void Normalize(FrameworkDefinition framework, SectionDefinition section, SectionInput input)
        {
            foreach (var item in input.Items)
            {
                var fields = section.Descriptor.Fields(framework, item.Key);
                var details = !fields.DetailsOnlyWhenChecked || item.Checked;
                item.Text = string.IsNullOrWhiteSpace(item.Text) || fields.Text is null || !details ? null : item.Text.Trim();
                if (fields.Number is null || !details) item.Number = null;
                if (!fields.Level) item.Level = null;
                if (!fields.TargetLevel) item.TargetLevel = null;
                if (!fields.Checked) item.Checked = false;
            }
        }
    }
}
