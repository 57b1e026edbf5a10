using System.Linq.Expressions;
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

    /// <summary>Publish an adopted SOP again (when publishing failed at adoption): the directeur of that school or an admin.</summary>
    Publish,

    /// <summary>Reopen a submitted or adopted scan, with a reason: the directeur of that school or an admin.</summary>
    Reopen,

    /// <summary>Administer the school's master data: partnership admins.</summary>
    Administer,

    /// <summary>Fill in the school's own data outside the scan, such as the inspection's latest judgement: users of that school and partnership admins.</summary>
    EditSchoolData,

    /// <summary>
    /// Work with the school as Team Basisondersteuning: record conversations and signals, answer its requests, set its
    /// implementation phase, propose connections. Partnership staff who may see the school (admins, consultants of its
    /// region or its contact person).
    /// </summary>
    Consult,

    /// <summary>
    /// Take part in the follow-up of the school's conversations and requests: reply in a request's thread, turn an
    /// agreement into a development point. The school's own users and the partnership staff who may consult it.
    /// </summary>
    FollowUp,
}

public enum BoardPermission
{
    /// <summary>The board's internal data (dashboard, comparison report, downloads): the board's own users and the partnership's staff.</summary>
    ViewInternal,

    /// <summary>Record a board's startbijeenkomst: partnership staff who may see at least one of the board's schools.</summary>
    Consult,
}

public enum AccessOutcome
{
    Allowed,
    NotFound,
    Forbidden,
    LoginRequired,
}

/// <summary>A school as the access decision read it: enough for the page header and for the handlers, so they need not read it again.</summary>
public sealed record SchoolRef(int Id, string LocationCode, string Name, int? PupilCount, bool IsActive, int BoardId, int? RegionId);

/// <summary>The decision about one school for the current request, with everything the user may do there.</summary>
public sealed record SchoolAccess(AccessOutcome Outcome, SchoolRef? School = null, IReadOnlySet<SchoolPermission>? Permissions = null)
{
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
    public int SchoolId => School?.Id ?? 0;
    public string LocationCode => School?.LocationCode ?? "";
    public bool Can(SchoolPermission permission) => Permissions?.Contains(permission) == true;
}

/// <summary>A board as the access decision read it.</summary>
public sealed record BoardRef(int Id, string Name);

/// <summary>The decision about one board for the current request.</summary>
public sealed record BoardAccess(AccessOutcome Outcome, BoardRef? Board = null)
{
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
    public int BoardId => Board?.Id ?? 0;
}

/// <summary>
/// The one place that decides who may see and do what. Every controller and query that touches a
/// school, a board or their documents goes through here: the [SchoolAccess] and [BoardAccess] filters
/// before an action, and the visibility expressions inside list queries.
/// </summary>
public sealed class AccessPolicy(AppDbContext db, CurrentUser currentUser, StructureIndex structure, ChangeStamps stamps)
{
    /// <summary>
    /// <see cref="InternalVisibility"/> and <see cref="BoardVisibility"/> compiled, per user scope, for decisions made on
    /// the structure in memory (<see cref="StructureIndex"/>): a scope is kept per user until their account or the
    /// structure changes (<see cref="AccountCache"/>), so each rule is compiled once for each.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<UserScope, CompiledRules> Compiled = new();

    private sealed record CompiledRules(Func<School, bool> SeesSchool, Func<Board, bool> SeesBoard);

    private static CompiledRules RulesOf(UserScope user) =>
        Compiled.GetValue(user, u => new CompiledRules(InternalVisibility(u).Compile(), BoardVisibility(u).Compile()));

    public Task<UserScope?> UserAsync(CancellationToken cancellationToken = default) => currentUser.GetAsync(cancellationToken);

    /// <summary>The rule for internal visibility, as an expression so it runs inside the database query.</summary>
    public static Expression<Func<School, bool>> InternalVisibility(UserScope? user)
    {
        if (user is null) return _ => false;
        switch (user.Role)
        {
            case UserRole.PartnershipAdmin:
                return _ => true;
            case UserRole.Consultant when user.AllRegions:
                return _ => true;
            case UserRole.Consultant:
                // Their active regions, and the schools they are contact person for; no regions (or only inactive ones) is not "all".
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

    /// <summary>
    /// Boards whose internal data the current user may see, by name, from memory (<see cref="StructureIndex"/>): only
    /// their id, name, number and whether they are active.
    /// </summary>
    public async Task<IReadOnlyList<Board>> VisibleBoardListAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (user is null) return [];
        var sees = RulesOf(user).SeesBoard;
        return (await structure.GetAsync(db, stamps, cancellationToken)).Boards.Where(sees).ToList();
    }

    /// <summary>Every region, by name, from memory (<see cref="StructureIndex"/>): only their id, name and whether they are active.</summary>
    public async Task<IReadOnlyList<Region>> RegionListAsync(CancellationToken cancellationToken = default) =>
        (await structure.GetAsync(db, stamps, cancellationToken)).Regions;

    /// <summary>The rule for a board's internal data: partnership staff see every board, board users their own; school users none.</summary>
    public static Expression<Func<Board, bool>> BoardVisibility(UserScope? user)
    {
        if (user is null) return _ => false;
        if (user.IsPartnershipStaff) return _ => true;
        if (user.Role != UserRole.BoardUser) return _ => false;
        var boardId = user.BoardId ?? -1;
        return b => b.Id == boardId;
    }

    /// <summary>
    /// Decides access to one school by its location code, without a query of its own: unknown is 404, someone else's is 403,
    /// anonymous on internal data is a login. Decided before any handler runs; the result carries the school and
    /// every permission the user has there, so handlers do not ask again.
    /// </summary>
    public async Task<SchoolAccess> ForSchoolAsync(string locationCode, SchoolPermission permission, CancellationToken cancellationToken = default)
    {
        var code = School.NormalizeLocationCode(locationCode);
        var user = await currentUser.GetAsync(cancellationToken);
        // From memory (the schools as of the structure counter), with the same rule the list queries run in the database.
        var row = (await structure.GetAsync(db, stamps, cancellationToken)).SchoolsByCode.GetValueOrDefault(code);
        if (row is null) return new SchoolAccess(AccessOutcome.NotFound);

        var internallyVisible = user is not null && RulesOf(user).SeesSchool(row);
        var school = new SchoolRef(row.Id, row.LocationCode, row.Name, row.PupilCount, row.IsActive, row.BoardId, row.RegionId);
        var permissions = Permissions(user, school, internallyVisible);
        if (permissions.Contains(permission)) return new SchoolAccess(AccessOutcome.Allowed, school, permissions);
        if (permission == SchoolPermission.ViewPublic) return new SchoolAccess(AccessOutcome.NotFound);
        return new SchoolAccess(user is null ? AccessOutcome.LoginRequired : AccessOutcome.Forbidden);
    }

    /// <summary>
    /// Decides access to one board's internal data: unknown is 404, someone else's is 403, anonymous is a login. From
    /// memory (the structure as of its counter), with the rules the list queries run in the database.
    /// </summary>
    public async Task<BoardAccess> ForBoardAsync(int boardId, BoardPermission permission, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        var now = await structure.GetAsync(db, stamps, cancellationToken);
        var board = now.BoardsById.GetValueOrDefault(boardId);
        if (board is null) return new BoardAccess(AccessOutcome.NotFound);
        var rules = user is null ? null : RulesOf(user);
        var visible = rules?.SeesBoard(board) == true;
        var allowed = permission switch
        {
            BoardPermission.ViewInternal => visible,
            BoardPermission.Consult => user?.IsPartnershipStaff == true && visible && now.SchoolsByBoard[board.Id].Any(rules!.SeesSchool),
            _ => false,
        };
        if (allowed) return new BoardAccess(AccessOutcome.Allowed, new BoardRef(board.Id, board.Name));
        return new BoardAccess(user is null ? AccessOutcome.LoginRequired : AccessOutcome.Forbidden);
    }

    /// <summary>Everything <paramref name="user"/> may do with <paramref name="school"/>.</summary>
    private static HashSet<SchoolPermission> Permissions(UserScope? user, SchoolRef school, bool internallyVisible)
    {
        var granted = new HashSet<SchoolPermission>();
        if (school.IsActive || internallyVisible) granted.Add(SchoolPermission.ViewPublic);
        if (user is null) return granted;
        var ownSchool = user.Role == UserRole.SchoolUser && user.SchoolId == school.Id;
        if (internallyVisible) granted.Add(SchoolPermission.ViewInternal);
        if (ownSchool) granted.Add(SchoolPermission.Edit);
        if (ownSchool && user.IsDirector) granted.Add(SchoolPermission.Adopt);
        if (user.IsAdmin || (ownSchool && user.IsDirector))
        {
            granted.Add(SchoolPermission.Publish);
            granted.Add(SchoolPermission.Reopen);
        }

        if (user.IsAdmin) granted.Add(SchoolPermission.Administer);
        if (internallyVisible && user.IsPartnershipStaff) granted.Add(SchoolPermission.Consult);
        if (ownSchool || (internallyVisible && user.IsPartnershipStaff)) granted.Add(SchoolPermission.FollowUp);
        if (ownSchool || user.IsAdmin) granted.Add(SchoolPermission.EditSchoolData);
        return granted;
    }

    /// <summary>
    /// A conversation report is changed by its author and by the partnership's admins (the admin acts on behalf of
    /// any consultant), and only where they may consult the school.
    /// </summary>
    public static bool MayEditConversation(UserScope user, SchoolAccess school, string? authorId) =>
        school.Can(SchoolPermission.Consult) && (user.IsAdmin || (authorId is not null && authorId == user.UserId));
}
