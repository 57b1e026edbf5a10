using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Users;

/// <summary>The role and scope of a user, as the invite and edit forms send them.</summary>
public class UserScopeInput
{
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? BoardId { get; set; }
    public string? SchoolId { get; set; }
    public bool IsDirector { get; set; }
    public List<int> RegionIds { get; set; } = [];

    /// <summary>For a consultant: all regions (true) or only the chosen regions (false); an explicit choice.</summary>
    public bool? AllRegions { get; set; }
}

public sealed record UserFormChoices(IReadOnlyList<SelectListItem> Roles, IReadOnlyList<SelectListItem> Boards, IReadOnlyList<SelectListItem> Schools,
    IReadOnlyList<SelectListItem> Regions);

public static class UserForm
{
    /// <summary>The choices of the form; the regions are the active ones plus any inactive region in <paramref name="keepRegionIds"/>, so saving keeps it.</summary>
    public static async Task<UserFormChoices> ChoicesAsync(AppDbContext db, CancellationToken cancellationToken, IReadOnlyCollection<int>? keepRegionIds = null)
    {
        var keep = keepRegionIds?.ToList() ?? [];
        return new UserFormChoices(
        Enum.GetValues<UserRole>().Select(r => new SelectListItem(r.ToDutch(), r.ToString())).ToList(),
        await db.Boards.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Name).Select(b => new SelectListItem(b.Name, b.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken),
        await db.Schools.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new SelectListItem($"{s.Name} ({s.LocationCode})", s.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken),
        await db.Regions.AsNoTracking().Where(r => r.IsActive || keep.Contains(r.Id)).OrderBy(r => r.Name)
            .Select(r => new SelectListItem(r.IsActive ? r.Name : r.Name + " (niet actief)", r.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(cancellationToken));
    }

    public static void AddScopeRules<T>(AbstractValidator<T> validator) where T : UserScopeInput
    {
        validator.RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul de naam in.")
            .MaximumLength(AppUser.DisplayNameMaxLength).WithMessage($"De naam mag hoogstens {AppUser.DisplayNameMaxLength} tekens lang zijn.");
        validator.RuleFor(x => x.Role).Must(r => Enum.TryParse<UserRole>(r, out var role) && Enum.IsDefined(role)).WithMessage("Kies een rol.");
        validator.RuleFor(x => x.BoardId).NotEmpty().When(x => x.Role == nameof(UserRole.BoardUser)).WithMessage("Kies het bestuur van deze medewerker.");
        validator.RuleFor(x => x.SchoolId).NotEmpty().When(x => x.Role == nameof(UserRole.SchoolUser)).WithMessage("Kies de school van deze medewerker.");
        validator.RuleFor(x => x.AllRegions).NotNull().When(x => x.Role == nameof(UserRole.Consultant))
            .WithMessage("Kies of deze consultant alle regio's ziet, of alleen de gekozen regio's.");
        validator.RuleFor(x => x.RegionIds).NotEmpty().When(x => x.Role == nameof(UserRole.Consultant) && x.AllRegions == false)
            .WithMessage("Kies ten minste één regio, of kies 'Alle regio's'.");
    }

    /// <summary>Applies a validated scope to a user; Invalid, with the user unchanged, for a board or school that does not exist.</summary>
    public static async Task<Result> ApplyAsync(AppDbContext db, AppUser user, UserScopeInput input, CancellationToken cancellationToken)
    {
        var role = Enum.Parse<UserRole>(input.Role!);
        var errors = new List<FieldError>();
        int? boardId = null, schoolId = null;
        if (role == UserRole.BoardUser)
        {
            boardId = int.TryParse(input.BoardId, out var b) && await db.Boards.AnyAsync(x => x.Id == b, cancellationToken) ? b : null;
            if (boardId is null) errors.Add(new FieldError(nameof(UserScopeInput.BoardId), "Kies een bestaand bestuur."));
        }

        if (role == UserRole.SchoolUser)
        {
            schoolId = int.TryParse(input.SchoolId, out var s) && await db.Schools.AnyAsync(x => x.Id == s, cancellationToken) ? s : null;
            if (schoolId is null) errors.Add(new FieldError(nameof(UserScopeInput.SchoolId), "Kies een bestaande school."));
        }

        var allRegions = role == UserRole.Consultant && input.AllRegions == true;
        var regions = role == UserRole.Consultant && !allRegions && input.RegionIds.Count > 0
            ? await db.Regions.Where(r => input.RegionIds.Contains(r.Id)).ToListAsync(cancellationToken)
            : [];
        if (errors.Count > 0) return Result.Invalid(errors);

        user.DisplayName = input.DisplayName!.Trim();
        user.Role = role;
        user.BoardId = boardId;
        user.SchoolId = schoolId;
        user.IsDirector = role == UserRole.SchoolUser && input.IsDirector;
        user.AllRegions = allRegions;
        if (db.Entry(user).State != EntityState.Detached && db.Entry(user).State != EntityState.Added)
        {
            await db.Entry(user).Collection(u => u.Regions).LoadAsync(cancellationToken);
        }

        user.Regions.Clear();
        user.Regions.AddRange(regions);
        return Result.Ok();
    }

    /// <summary>A short Dutch description of a role and scope, for the list and the audit log.</summary>
    public static string Describe(UserRole role, string? board, string? school, bool isDirector, bool allRegions, IReadOnlyCollection<string> regions) => role switch
    {
        UserRole.BoardUser => $"{role.ToDutch()} bij {board}",
        UserRole.SchoolUser => $"{role.ToDutch()} bij {school}{(isDirector ? " (directeur)" : "")}",
        UserRole.Consultant when allRegions => $"{role.ToDutch()} voor alle regio's",
        UserRole.Consultant when regions.Count > 0 => $"{role.ToDutch()} voor {string.Join(", ", regions)}",
        UserRole.Consultant => $"{role.ToDutch()} zonder regio (alleen scholen waarvan hij of zij contactpersoon is)",
        _ => role.ToDutch(),
    };
}
