import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202034924 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_chat_moderation_log" drop constraint if exists "live_chat_moderation_log_action_check";`);

    this.addSql(`alter table if exists "live_chat_moderation_log" add constraint "live_chat_moderation_log_action_check" check("action" in ('delete_message', 'mute', 'unmute', 'remove', 'block', 'unblock', 'unremove', 'pin', 'unpin', 'answer', 'dismiss', 'add_moderator', 'remove_moderator', 'add_blocked_word', 'remove_blocked_word', 'set_slow_mode'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "live_chat_moderation_log" drop constraint if exists "live_chat_moderation_log_action_check";`);

    this.addSql(`alter table if exists "live_chat_moderation_log" add constraint "live_chat_moderation_log_action_check" check("action" in ('delete_message', 'mute', 'unmute', 'remove', 'block', 'unblock', 'pin', 'unpin', 'answer', 'dismiss', 'add_moderator', 'remove_moderator', 'add_blocked_word', 'remove_blocked_word', 'set_slow_mode'));`);
  }

}
