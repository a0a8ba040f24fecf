// "Skip to article": the first stop of the Tab order, shown only when focused, so a
// keyboard user can pass the header, search and library in one key press.
import { focusArticleText } from './focus-targets'
import './keyboard.css'

export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#reader"
      onClick={(event) => {
        // Focus, not navigation: the page's URL stays as it is.
        event.preventDefault()
        focusArticleText()
      }}
    >
      Skip to article
    </a>
  )
}
