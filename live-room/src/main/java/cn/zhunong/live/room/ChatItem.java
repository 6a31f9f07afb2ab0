package cn.zhunong.live.room;

/**
 * One chat message as viewers receive it. Ids are strings: they are 64-bit and JavaScript numbers
 * are not.
 *
 * @param role VIEWER, ASSISTANT, HOST or ADMIN (clients show a badge)
 * @param at epoch milliseconds
 */
public record ChatItem(String id, Long userId, String name, String role, String text, long at) {
}
