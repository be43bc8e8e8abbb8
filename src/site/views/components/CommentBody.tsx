/**
 * A comment's text as HTML: paragraphs, quotes, bold, italic, line breaks and links, built
 * from parseCommentText nodes that Preact escapes. No stored markup is ever output, and
 * reader links carry rel="nofollow ugc noopener" so they pass no ranking and no opener.
 */
import type { CommentInline } from '../../../core/comments/body.js';
import { parseCommentText } from '../../../core/comments/body.js';

function Inline({ node }: { node: CommentInline }) {
  if (node.type === 'break') return <br />;
  if (node.type === 'link') {
    return (
      <a href={node.href} rel="nofollow ugc noopener" target="_blank">
        {node.text}
      </a>
    );
  }
  let out = <>{node.text}</>;
  if (node.italic) out = <em>{out}</em>;
  if (node.bold) out = <strong>{out}</strong>;
  return out;
}

export function CommentBody({ text }: { text: string }) {
  return (
    <div class="comment-body">
      {parseCommentText(text).map((block, i) => {
        const content = block.content.map((node, j) => <Inline key={j} node={node} />);
        return block.type === 'quote' ? (
          <blockquote key={i}>
            <p>{content}</p>
          </blockquote>
        ) : (
          <p key={i}>{content}</p>
        );
      })}
    </div>
  );
}
