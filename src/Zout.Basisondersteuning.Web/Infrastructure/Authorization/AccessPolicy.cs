using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Infrastructure.Authorization;

public enum SchoolPermission
{
    /// <summary>Public data of an active school: anybody, no login.</summary>
    ViewPublic,

    /// <summary>Internal data (scan, scores, reports): the school, its board and the partnership.</summary>
    ViewInternal,

    /// <summary>Fill in and change the school's own data: users of that school.</summary>
    Edit,

    /// <summary>Adopt (vaststellen) the school's documents: the directeur of that school.</summary>
    Adopt,

    /// <summary>Reopen a submitted or adopted scan, with a reason: the directeur of that school or an admin.</summary>
    Reopen,

    /// <summary>Administer the school's master data: partnership admins.</summary>
    Administer,
}

public enum AccessOutcome
{
    Allowed,
    NotFound,
    Forbidden,
    LoginRequired,
}

public sealed record SchoolAccess(AccessOutcome Outcome, int SchoolId = 0, string LocationCode = "")
{
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
}

/// <summary>
/// The one place that decides who may see and do what. Every controller and query that touches a
/// school, a board or their documents goes through here.
/// </summary>
public sealed class AccessPolicy(AppDbContext db, CurrentUser currentUser)
{
    public Task<UserScope?> UserAsync(CancellationToken cancellationToken = default) => currentUser.GetAsync(cancellationToken);

    /// <summary>The rule for internal visibility, as an expression so it runs inside the database query.</summary>
    public static Expression<Func<School, bool>> InternalVisibility(UserScope? user)
    {
        if (user is null) return _ => false;
        switch (user.Role)
        {
            case UserRole.PartnershipAdmin:
                return _ => true;
            case UserRole.Consultant when user.RegionIds.Count == 0:
                return _ => true;
            case UserRole.Consultant:
                var regionIds = user.RegionIds.ToList();
                var userId = user.UserId;
                return s => (s.RegionId != null && regionIds.Contains(s.RegionId.Value)) || s.ContactPersonId == userId;
            case UserRole.BoardUser:
                var boardId = user.BoardId ?? -1;
                return s => s.BoardId == boardId;
            case UserRole.SchoolUser:
                var schoolId = user.SchoolId ?? -1;
                return s => s.Id == schoolId;
            default:
                return _ => false;
        }
    }

    /// <summary>The rule for public visibility: active schools only.</summary>
    public static Expression<Func<School, bool>> PublicVisibility() => s => s.IsActive;

    /// <summary>Schools whose internal data the current user may see.</summary>
    public async Task<IQueryable<School>> InternalSchoolsAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        return db.Schools.Where(InternalVisibility(user));
    }

    /// <summary>Schools anyone may see, with their public data only.</summary>
    public IQueryable<School> PublicSchools() => db.Schools.Where(PublicVisibility());

    /// <summary>Boards the current user may see: their own board, or all boards for partnership staff.</summary>
    public async Task<IQueryable<Board>> VisibleBoardsAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (user is null) return db.Boards.Where(_ => false);
        if (user.IsPartnershipStaff) return db.Boards;
        if (user.Role == UserRole.BoardUser)
        {
            var boardId = user.BoardId ?? -1;
            return db.Boards.Where(b => b.Id == boardId);
        }

        var schoolId = user.SchoolId ?? -1;
        return db.Boards.Where(b => b.Schools.Any(s => s.Id == schoolId));
    }

    /// <summary>What the current user may do with one school, for showing or hiding buttons.</summary>
    public async Task<IReadOnlySet<SchoolPermission>> PermissionsAsync(int schoolId, CancellationToken cancellationToken = default)
    {
        var granted = new HashSet<SchoolPermission>();
        var isActive = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.IsActive).SingleAsync(cancellationToken);
        var user = await currentUser.GetAsync(cancellationToken);
        var internallyVisible = user is not null && await IsInternallyVisibleAsync(user, schoolId, cancellationToken);
        if (isActive || internallyVisible) granted.Add(SchoolPermission.ViewPublic);
        if (user is null) return granted;
        foreach (var permission in Enum.GetValues<SchoolPermission>().Where(p => p != SchoolPermission.ViewPublic))
        {
            if (Decide(user, schoolId, permission, internallyVisible)) granted.Add(permission);
        }

        return granted;
    }

    /// <summary>
    /// Decides access to one school by its location code: unknown is 404, someone else's is 403,
    /// anonymous on internal data is a login. Decided before any handler runs.
    /// </summary>
    public async Task<SchoolAccess> ForSchoolAsync(string locationCode, SchoolPermission permission, CancellationToken cancellationToken = default)
    {
        var code = School.NormalizeLocationCode(locationCode);
        var school = await db.Schools.AsNoTracking()
            .Where(s => s.LocationCode == code)
            .Select(s => new { s.Id, s.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (school is null) return new SchoolAccess(AccessOutcome.NotFound);

        var user = await currentUser.GetAsync(cancellationToken);
        if (permission == SchoolPermission.ViewPublic)
        {
            return school.IsActive || (user is not null && await IsInternallyVisibleAsync(user, school.Id, cancellationToken))
                ? new SchoolAccess(AccessOutcome.Allowed, school.Id, code)
                : new SchoolAccess(AccessOutcome.NotFound);
        }

        if (user is null) return new SchoolAccess(AccessOutcome.LoginRequired);

        var internallyVisible = await IsInternallyVisibleAsync(user, school.Id, cancellationToken);
        return Decide(user, school.Id, permission, internallyVisible)
            ? new SchoolAccess(AccessOutcome.Allowed, school.Id, code)
            : new SchoolAccess(AccessOutcome.Forbidden);
    }

    /// <summary>The rules per permission, for a user who may or may not see the school's internal data.</summary>
    private static bool Decide(UserScope user, int schoolId, SchoolPermission permission, bool internallyVisible)
    {
        var ownSchool = user.Role == UserRole.SchoolUser && user.SchoolId == schoolId;
        return permission switch
        {
            SchoolPermission.ViewPublic => true,
            SchoolPermission.ViewInternal => internallyVisible,
            SchoolPermission.Edit => ownSchool,
            SchoolPermission.Adopt => ownSchool && user.IsDirector,
            SchoolPermission.Reopen => user.IsAdmin || (ownSchool && user.IsDirector),
            SchoolPermission.Administer => user.IsAdmin,
            _ => false,
        };
    }

    private Task<bool> IsInternallyVisibleAsync(UserScope user, int schoolId, CancellationToken cancellationToken) =>
        db.Schools.Where(s => s.Id == schoolId).Where(InternalVisibility(user)).AnyAsync(cancellationToken);
}
