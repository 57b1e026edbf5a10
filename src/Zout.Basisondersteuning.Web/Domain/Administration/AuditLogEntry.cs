using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Domain.Administration;

/// <summary>What happened in the portal that an admin may need to look back on: logins, role changes, imports, adoptions, publications.</summary>
public class AuditLogEntry
{
    public const int ActionMaxLength = 50;
    public const int TextMaxLength = 500;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>Who did it (user id), when known.</summary>
    public string? UserId { get; set; }

    /// <summary>Who did it as the portal knew them then (email), or "systeem".</summary>
    public string Actor { get; set; } = "";

    /// <summary>What it was about, readable: an email address, a school, a file name.</summary>
    public string? Subject { get; set; }

    /// <summary>A short Dutch description.</summary>
    public string Description { get; set; } = "";

    public string? IpAddress { get; set; }
}

/// <summary>The kinds of audit entries. Stable strings: they are stored.</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string Logout = "logout";
    public const string UserInvited = "user-invited";
    public const string UserChanged = "user-changed";
    public const string RoleChanged = "role-changed";
    public const string UserDeactivated = "user-deactivated";
    public const string UserReactivated = "user-reactivated";
    public const string TwoFactorEnabled = "2fa-enabled";
    public const string TwoFactorReset = "2fa-reset";
    public const string Import = "import";
    public const string StructureChanged = "structure-changed";
    public const string Adoption = "adoption";
    public const string Publication = "publication";
    public const string Reminder = "reminder";
    public const string SchoolDataChanged = "school-data-changed";
    public const string PartnershipChanged = "partnership-changed";

    // Team Basisondersteuning (issue 11).
    public const string Conversation = "conversation";
    public const string SupportRequest = "support-request";
    public const string Connection = "connection";
    public const string Signal = "signal";
    public const string JointTraining = "joint-training";
    public const string Phase = "phase";
    public const string ContactPerson = "contact-person";
    public const string NotificationSettings = "notification-settings";

    public static string ToDutch(string action) => action switch
    {
        Login => "Ingelogd",
        LoginFailed => "Inloggen mislukt",
        Logout => "Uitgelogd",
        UserInvited => "Gebruiker uitgenodigd",
        UserChanged => "Gebruiker gewijzigd",
        RoleChanged => "Rol gewijzigd",
        UserDeactivated => "Gebruiker gedeactiveerd",
        UserReactivated => "Gebruiker weer actief",
        TwoFactorEnabled => "Tweestapsverificatie ingesteld",
        TwoFactorReset => "Tweestapsverificatie gewist",
        Import => "Import",
        StructureChanged => "Regio, bestuur of school gewijzigd",
        Adoption => ScanStatus.Adopted.ToDutch(),
        Publication => "Gepubliceerd",
        Reminder => "Herinnering verstuurd",
        SchoolDataChanged => "Schoolgegevens ingevuld",
        PartnershipChanged => "Gegevens samenwerkingsverband gewijzigd",
        Conversation => "Gesprek",
        SupportRequest => "Vraag aan Team BO",
        Connection => "Verbinding tussen scholen",
        Signal => "Signaal",
        JointTraining => "Gezamenlijke scholing",
        Phase => "Fase van de invoering",
        ContactPerson => "Contactpersoon gewijzigd",
        NotificationSettings => "Meldingen ingesteld",
        _ => action,
    };

    public static IReadOnlyList<string> All { get; } =
    [
        Login, LoginFailed, Logout, UserInvited, UserChanged, RoleChanged, UserDeactivated, UserReactivated,
        TwoFactorEnabled, TwoFactorReset, Import, StructureChanged, Adoption, Publication, Reminder, SchoolDataChanged, PartnershipChanged,
        Conversation, SupportRequest, Connection, Signal, JointTraining, Phase, ContactPerson, NotificationSettings,
    ];
}
