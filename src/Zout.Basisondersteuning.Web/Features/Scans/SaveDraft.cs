using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>With JavaScript the form is saved as a draft while the user types; nothing is validated or published.</summary>
public static class SaveDraft
{
    public sealed class Handler(AppDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
    {
        public async Task<Result> HandleAsync(ScanContext context, SectionDefinition section, SectionInput input, CancellationToken cancellationToken)
        {
            var userId = httpContextAccessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (!context.IsEditable || context.Scan is null || userId is null) return Result.Refused(context.ReadOnlyReason ?? ScanRules.NotEditable);

            var keys = ScanLayout.ItemKeys(context.Framework, section).ToHashSet(StringComparer.Ordinal);
            input.Items = input.Items.Where(i => keys.Contains(i.Key)).ToList();
            var draft = await db.ScanDrafts.SingleOrDefaultAsync(d => d.ScanId == context.Scan.Id && d.SectionKey == section.Key && d.UserId == userId, cancellationToken);
            if (draft is null)
            {
                draft = new ScanDraft { ScanId = context.Scan.Id, SectionKey = section.Key, UserId = userId };
                db.ScanDrafts.Add(draft);
            }

            draft.ValuesJson = JsonSerializer.Serialize(input);
            draft.SavedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok(draft.Id);
        }

        public async Task DiscardAsync(ScanContext context, SectionDefinition section, CancellationToken cancellationToken)
        {
            var userId = httpContextAccessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (context.Scan is null || userId is null) return;
            db.ScanDrafts.RemoveRange(await db.ScanDrafts.Where(d => d.ScanId == context.Scan.Id && d.SectionKey == section.Key && d.UserId == userId).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
