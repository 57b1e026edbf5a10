using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Features.Structure;

/// <summary>Shared pieces of the structure forms: choice lists and the concurrency check.</summary>
public static class StructureForms
{
    public const string ConflictMessage =
        "Iemand anders heeft deze gegevens intussen gewijzigd. Hieronder staan nu de nieuwe gegevens; controleer ze en voer uw wijziging zo nodig opnieuw in.";

    public static async Task<IReadOnlyList<SelectListItem>> BoardsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Boards.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new SelectListItem($"{b.Name} ({b.BoardNumber}){(b.IsActive ? "" : " - niet actief")}", b.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<SelectListItem>> RegionsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new SelectListItem(r.Name + (r.IsActive ? "" : " - niet actief"), r.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<SelectListItem>> ConsultantsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Role == UserRole.Consultant && u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id))
            .ToListAsync(cancellationToken);

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
