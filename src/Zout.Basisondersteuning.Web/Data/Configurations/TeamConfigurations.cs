using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain.Notifications;
using Zout.Basisondersteuning.Web.Domain.Team;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public const int KeyMaxLength = 100;

    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Summary).HasMaxLength(Conversation.SummaryMaxLength);
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.SchoolId, c.Date });
        builder.HasIndex(c => new { c.SchoolYearId, c.Kind });
        builder.HasOne(c => c.School).WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.SchoolYear).WithMany().HasForeignKey(c => c.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.BoardMeeting).WithMany(m => m.Conversations).HasForeignKey(c => c.BoardMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Topics).WithOne().HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Agreements).WithOne(a => a.Conversation).HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Response).WithOne().HasForeignKey<ConversationResponse>(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Name).HasMaxLength(ConversationParticipant.NameMaxLength);
        builder.Property(p => p.Role).HasMaxLength(ConversationParticipant.RoleMaxLength);
    }
}

public sealed class ConversationTopicConfiguration : IEntityTypeConfiguration<ConversationTopic>
{
    public void Configure(EntityTypeBuilder<ConversationTopic> builder)
    {
        builder.Property(t => t.DomainKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(t => t.AspectKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.HasOne(t => t.DevelopmentPoint).WithMany().HasForeignKey(t => t.DevelopmentPointId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ConversationAgreementConfiguration : IEntityTypeConfiguration<ConversationAgreement>
{
    public void Configure(EntityTypeBuilder<ConversationAgreement> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(ConversationAgreement.ActionMaxLength);
        builder.Property(a => a.Owner).HasMaxLength(ConversationAgreement.OwnerMaxLength);
        builder.HasIndex(a => a.DevelopmentPointId);
        builder.HasOne(a => a.DevelopmentPoint).WithMany().HasForeignKey(a => a.DevelopmentPointId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ConversationResponseConfiguration : IEntityTypeConfiguration<ConversationResponse>
{
    public void Configure(EntityTypeBuilder<ConversationResponse> builder)
    {
        builder.HasKey(r => r.ConversationId);
        builder.Property(r => r.Text).HasMaxLength(ConversationResponse.TextMaxLength);
        builder.Property(r => r.ByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

public sealed class BoardMeetingConfiguration : IEntityTypeConfiguration<BoardMeeting>
{
    public void Configure(EntityTypeBuilder<BoardMeeting> builder)
    {
        builder.Property(m => m.Summary).HasMaxLength(BoardMeeting.SummaryMaxLength);
        builder.Property(m => m.Participants).HasMaxLength(BoardMeeting.ParticipantsMaxLength);
        builder.Property(m => m.AuthorId).HasMaxLength(450);
        builder.Property(m => m.AuthorName).HasMaxLength(256);
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
        builder.Property(m => m.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(m => new { m.BoardId, m.Date });
        builder.HasOne(m => m.Board).WithMany().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.SchoolYear).WithMany().HasForeignKey(m => m.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.Property(r => r.Subject).HasMaxLength(SupportRequest.SubjectMaxLength);
        builder.Property(r => r.Description).HasMaxLength(SupportRequest.DescriptionMaxLength);
        builder.Property(r => r.DomainKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(r => r.AspectKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(r => r.OfferingItemKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(r => r.AskedByName).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.SchoolId, r.Status });
        builder.HasIndex(r => r.Status);
        builder.HasOne(r => r.School).WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.DevelopmentPoint).WithMany().HasForeignKey(r => r.DevelopmentPointId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Messages).WithOne().HasForeignKey(m => m.SupportRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SupportRequestMessageConfiguration : IEntityTypeConfiguration<SupportRequestMessage>
{
    public void Configure(EntityTypeBuilder<SupportRequestMessage> builder)
    {
        builder.Property(m => m.AuthorId).HasMaxLength(450);
        builder.Property(m => m.AuthorName).HasMaxLength(256);
        builder.Property(m => m.Text).HasMaxLength(SupportRequestMessage.TextMaxLength);
        builder.HasIndex(m => new { m.SupportRequestId, m.At });
    }
}

public sealed class SchoolConnectionConfiguration : IEntityTypeConfiguration<SchoolConnection>
{
    public void Configure(EntityTypeBuilder<SchoolConnection> builder)
    {
        builder.Property(c => c.DomainKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(c => c.AspectKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(c => c.OfferingItemKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(c => c.Topic).HasMaxLength(SchoolConnection.TopicMaxLength);
        builder.Property(c => c.Message).HasMaxLength(SchoolConnection.MessageMaxLength);
        builder.Property(c => c.RequesterContact).HasMaxLength(SchoolConnection.ContactMaxLength);
        builder.Property(c => c.OfferingContact).HasMaxLength(SchoolConnection.ContactMaxLength);
        builder.Property(c => c.ProposedByName).HasMaxLength(256);
        builder.Property(c => c.RespondedByName).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(c => c.RequestingSchoolId);
        builder.HasIndex(c => c.OfferingSchoolId);
        builder.HasOne(c => c.RequestingSchool).WithMany().HasForeignKey(c => c.RequestingSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.OfferingSchool).WithMany().HasForeignKey(c => c.OfferingSchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NeedSignalConfiguration : IEntityTypeConfiguration<NeedSignal>
{
    public const string SchoolsTable = "NeedSignalSchools";

    public void Configure(EntityTypeBuilder<NeedSignal> builder)
    {
        builder.Property(s => s.Theme).HasMaxLength(NeedSignal.ThemeMaxLength);
        builder.Property(s => s.DomainKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(s => s.AspectKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(s => s.Note).HasMaxLength(NeedSignal.NoteMaxLength);
        builder.Property(s => s.AuthorId).HasMaxLength(450);
        builder.Property(s => s.AuthorName).HasMaxLength(256);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(s => s.Date);
        builder.HasMany(s => s.Schools).WithMany().UsingEntity(SchoolsTable);
    }
}

public sealed class JointTrainingConfiguration : IEntityTypeConfiguration<JointTraining>
{
    public void Configure(EntityTypeBuilder<JointTraining> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(JointTraining.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(JointTraining.DescriptionMaxLength);
        builder.Property(t => t.Location).HasMaxLength(JointTraining.LocationMaxLength);
        builder.Property(t => t.Theme).HasMaxLength(JointTraining.ThemeMaxLength);
        builder.Property(t => t.DomainKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(t => t.AspectKey).HasMaxLength(ConversationConfiguration.KeyMaxLength);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Ignore(t => t.Dates);
        builder.HasIndex(t => t.FirstDate);
        builder.HasMany(t => t.Invitations).WithOne(i => i.JointTraining).HasForeignKey(i => i.JointTrainingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JointTrainingInvitationConfiguration : IEntityTypeConfiguration<JointTrainingInvitation>
{
    public void Configure(EntityTypeBuilder<JointTrainingInvitation> builder)
    {
        builder.Property(i => i.Note).HasMaxLength(JointTrainingInvitation.NoteMaxLength);
        builder.Property(i => i.RespondedByName).HasMaxLength(256);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.JointTrainingId, i.SchoolId }).IsUnique();
        builder.HasIndex(i => i.SchoolId);
        builder.HasOne(i => i.School).WithMany().HasForeignKey(i => i.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ImplementationPhaseStepConfiguration : IEntityTypeConfiguration<ImplementationPhaseStep>
{
    public void Configure(EntityTypeBuilder<ImplementationPhaseStep> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(ImplementationPhaseStep.NoteMaxLength);
        builder.Property(s => s.SetByName).HasMaxLength(256);
        builder.HasIndex(s => new { s.SchoolId, s.Date });
        builder.HasOne(s => s.School).WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Path).HasMaxLength(Notification.PathMaxLength);
        builder.HasIndex(n => new { n.Status, n.UserId });
        builder.HasIndex(n => n.CreatedAt);
        builder.HasOne<Domain.Accounts.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
