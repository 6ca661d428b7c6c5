import { InteractionContextType, PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Asker } from '../../core/index.js';

export const channelRef = (guildId: string | null, channelId: string): string => `discord:${guildId ?? '@me'}:${channelId}`;
export const userRef = (userId: string): string => `discord:${userId}`;

/**
 * Who asked and what they may do. Rights come from `memberPermissions`, which
 * includes channel overwrites; they are checked here because server admins can
 * override a command's default permissions.
 */
export function askerOf(interaction: BaseInteraction): Asker {
  const isDirect = !interaction.guildId && (interaction.context === InteractionContextType.BotDM || interaction.context === null);
  const perms = interaction.memberPermissions;
  return {
    user: { ref: userRef(interaction.user.id), name: interaction.user.globalName ?? interaction.user.username },
    channel: channelRef(interaction.guildId, interaction.channelId ?? 'unknown'),
    isDirect,
    // In a DM the person manages their own personal settings, nothing server-wide.
    canManageChannel: isDirect || Boolean(perms?.has(PermissionFlagsBits.ManageChannels)),
    canManageSources: !isDirect && Boolean(perms?.has(PermissionFlagsBits.ManageGuild)),
  };
}
